/**
 * The experiment editor (step 3 of docs/architecture.md): every key of a definition as a field,
 * checked as the analyst types.
 */
package dev.arbiter.app.experiment;
