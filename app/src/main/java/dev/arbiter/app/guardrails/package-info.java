/**
 * The Guardrails section (step 7): each stop rule against its threshold, with its history.
 */
package dev.arbiter.app.guardrails;
