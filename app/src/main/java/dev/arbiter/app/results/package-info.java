/**
 * The Results section (step 7): every metric and arm with its interval, effects, forest plot.
 */
package dev.arbiter.app.results;
