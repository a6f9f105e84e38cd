/**
 * Statistics on sufficient statistics (step 5 of docs/architecture.md): no SQL, no UI; every
 * formula checked against R (docs/methods.md).
 */
package dev.arbiter.analytics;
