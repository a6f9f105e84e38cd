/**
 * The reading order: results into a recommendation (guardrails first, then the primary).
 */
package dev.arbiter.analytics.reading;
