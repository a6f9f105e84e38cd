package dev.arbiter.importers.statistics;

/**
 * The thresholds that choose between query plans which give the same numbers (decision 0008): they
 * trade scans for work per event, so they belong to an engine ({@link SqlDialect#tuning()}), not to
 * the metric SQL. None of them changes an estimate or an interval.
 *
 * @param maxIndicatorBuckets     quantile pass 2 compares each event with at most this many distinct
 *                                slice quantiles before it falls back to one comparison per slice
 * @param maxSegmentCodes         segments with at most this many values are aggregated as integer
 *                                codes in the engine's string order; 0 never codes (any engine)
 * @param maxDistinctShare        quantiles are read from value counts when the first rows hold at most
 *                                this share of distinct values
 * @param distinctSampleRows      how many first rows that look at
 * @param distributionSampleAbove above this many events the distribution picture (not an estimate)
 *                                comes from a sample of units, where the dialect can sample
 * @param distributionSampleOneIn that sample keeps one unit in this many
 * @param nearQuantilesOnly       quantile passes 1 and 3 count values in the engine and bring back only
 *                                those near each slice's quantiles ({@link NearQuantileCounts}): for an
 *                                engine across a network, where the rows that come back cost more
 *                                than the scans that spare them
 */
public record QueryTuning(int maxIndicatorBuckets, int maxSegmentCodes, double maxDistinctShare, int distinctSampleRows,
                          long distributionSampleAbove, int distributionSampleOneIn, boolean nearQuantilesOnly) {
    /** Measured on DuckDB 2.0 on 10M events (docs/benchmarks.md, decision 0008). */
    public static final QueryTuning DUCKDB = new QueryTuning(8, 16, 0.2, 100_000, 1_000_000, 16, false);

    /**
     * Any standard-SQL engine: the same shortcuts, except coding segments, which relies on the
     * engine's string order matching the one Arbiter sorts by (DuckDB's byte order); and only the
     * values near quantiles come back (such an engine is usually across a network).
     */
    public static final QueryTuning STANDARD = new QueryTuning(8, 0, 0.2, 100_000, 1_000_000, 16, true);
}
