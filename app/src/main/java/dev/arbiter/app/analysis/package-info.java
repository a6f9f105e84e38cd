/**
 * The one analysis behind the screens (step 7 of docs/architecture.md): the selected experiment and
 * its latest result, computed on a task thread, and the toolbar every analysis section shares.
 */
package dev.arbiter.app.analysis;
