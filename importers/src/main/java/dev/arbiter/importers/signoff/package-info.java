/**
 * The analyst's signed-off decision record (step 8 of docs/architecture.md): file format and the
 * draft kept in the workspace.
 */
package dev.arbiter.importers.signoff;
