/**
 * The open workspace as the sections see it ({@link dev.arbiter.app.session.WorkspaceSession}):
 * the seam that keeps the sections free of the shell that opens and closes workspaces.
 */
package dev.arbiter.app.session;
