/**
 * The window's composition root: builds the view models and the sections' views and hands them to
 * the shell; the JavaFX application, headless snapshots and the start-up probe (decisions 0009, 0010).
 */
package dev.arbiter.app.desktop;
