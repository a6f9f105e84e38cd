/**
 * Events into sufficient statistics (step 4 of docs/architecture.md): engine-neutral metric SQL
 * behind {@link dev.arbiter.importers.statistics.SqlDialect}; only aggregates leave the engine.
 */
package dev.arbiter.importers.statistics;
