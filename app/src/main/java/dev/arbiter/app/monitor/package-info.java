/**
 * The Monitor section (step 7): arms against the planned split, the sample-ratio check, progress.
 */
package dev.arbiter.app.monitor;
