/**
 * One analysis of an experiment (step 6 of docs/architecture.md): the orchestrator, its result and
 * the JSON that {@code arbiter analyze} prints.
 */
package dev.arbiter.importers.analysis;
