/**
 * The workspace: one DuckDB file ({@code .arbiter}) and how it is opened (docs/workspace-format.md).
 */
package dev.arbiter.importers.workspace;
