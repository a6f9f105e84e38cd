/**
 * The window's frame: menus, navigation, empty states, status bar, and opening and closing
 * workspaces; it knows no section (decision 0010).
 */
package dev.arbiter.app.shell;
