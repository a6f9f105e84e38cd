/**
 * Experiment definitions (step 3 of docs/architecture.md): the file format, its checks, the
 * definitions kept in a workspace and the locked plan.
 */
package dev.arbiter.importers.experiment;
