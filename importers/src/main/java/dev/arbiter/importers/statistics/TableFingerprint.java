package dev.arbiter.importers.statistics;

/**
 * A table's row count and a fingerprint of its data computed by the engine: the count, XOR and a
 * modular sum of a 64-bit hash of every row (independent of row order; a changed, added or removed
 * row changes it), itself hashed to 16 hex digits. Null {@code hash} where the engine has no row hash.
 */
public record TableFingerprint(long rows, String hash) {
}
