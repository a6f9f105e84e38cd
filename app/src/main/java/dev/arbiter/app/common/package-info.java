/**
 * What every part of the app uses: build facts and versions, themes; settings, the task executor
 * and charts live in the sub-packages.
 */
package dev.arbiter.app.common;
