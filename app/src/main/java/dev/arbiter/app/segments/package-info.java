/**
 * The Segments section (step 7): effects per segment value with adjusted p-values.
 */
package dev.arbiter.app.segments;
