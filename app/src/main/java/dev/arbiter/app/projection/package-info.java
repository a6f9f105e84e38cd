/**
 * What the screens and the decision PDF both show, computed once from an analysis: guardrail
 * cards, the primary's cumulative series, segment tables and the number formats (decision 0010).
 */
package dev.arbiter.app.projection;
