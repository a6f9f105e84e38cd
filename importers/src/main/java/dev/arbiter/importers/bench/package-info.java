/**
 * The benchmarks behind {@code arbiter benchmark import|analyze} (docs/benchmarks.md).
 */
package dev.arbiter.importers.bench;
