/**
 * The Decision section (step 8): the recommendation with its reasons, the lock of the plan, the
 * analyst's decision and sign-offs, and the PDF export.
 */
package dev.arbiter.app.decision;
