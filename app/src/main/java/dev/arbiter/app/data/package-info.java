/**
 * The Data section (step 1 of docs/architecture.md): the open workspace's datasets, import history
 * and rejected rows, and the whole import flow — preview, roles, import, re-import question.
 */
package dev.arbiter.app.data;
