/**
 * The {@code arbiter} command line (docs/cli.md): every command runs headless; without one the
 * window opens through {@code app.desktop}.
 */
package dev.arbiter.app.cli;
