/**
 * The Help window: the documentation bundled in the jar, rendered offline (decision 0009).
 */
package dev.arbiter.app.help;
