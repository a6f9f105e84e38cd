/**
 * Validation by simulation: false positives and coverage per metric kind (docs/validation.md).
 */
package dev.arbiter.analytics.simulation;
