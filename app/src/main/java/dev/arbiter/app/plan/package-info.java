/**
 * The Plan section (step 7): sample size per arm, days, the power curve.
 */
package dev.arbiter.app.plan;
