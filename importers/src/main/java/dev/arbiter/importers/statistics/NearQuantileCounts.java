package dev.arbiter.importers.statistics;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Passes 1 and 3 of a quantile metric by counting values, for an engine across a network (issue 20):
 * the engine counts each distinct value per slice, ranks the counts, and sends back only the
 * distinct values near each slice's quantiles — from the one before the quantile's lower value to
 * the one after its upper value ({@link dev.arbiter.analytics.MidQuantile#ofWindow}) — with their
 * cumulative counts: a few rows per slice instead of one per distinct value, which grows with days,
 * segments and the values' resolution. Exact: the same mid-quantiles as the whole counts.
 *
 * <p>A distinct value i (in order, mid-rank m_i = values below it + half its count) is needed for
 * a quantile at rank r iff m_{i−2} ≤ r and m_{i+2} > r (missing neighbours count as −∞ and +∞);
 * for the ranks of a window [lo·n, hi·n], iff m_{i−2} ≤ hi·n and m_{i+2} > lo·n.
 */
final class NearQuantileCounts {
    private static final AtomicLong TABLES = new AtomicLong();

    /**
     * At most this many combinations of the single segments' values per arm let the whole arms and
     * segments be added up from counts per arm, value and segment values: on 10M events with 15,000
     * distinct values and 3 × 2 combinations, 1.15–1.5 s against 1.4–1.8 s for counting each set from
     * the events. Many combinations would make the cells as many as the events.
     */
    static final long MAX_SEGMENT_CELLS = 64;

    private final Dimensions dimensions;
    private final EventSource source;
    /** Whether the whole arms and single segments are added up from cells ({@link #MAX_SEGMENT_CELLS}). */
    private final boolean segmentCells;
    /** The temporary table holding the ranked counts ({@link #materialize}), or null to rank them in each query. */
    private String table;

    /**
     * @param segmentCombinations per arm at most this many combinations of the single segments'
     *                            values (the units' slices tell), or more than {@link #MAX_SEGMENT_CELLS}
     *                            when not known
     */
    NearQuantileCounts(EventSource source, Dimensions dimensions, long segmentCombinations) {
        this.source = source;
        this.dimensions = dimensions;
        this.segmentCells = segmentCombinations <= MAX_SEGMENT_CELLS && !dimensions.singleSegmentKeys().isEmpty();
    }

    /** Whether whole arms and single segments are added up from counts per arm, value and segment values. */
    boolean addsUpSegmentCells() {
        return segmentCells;
    }

    /**
     * Per arm, the largest product over the single segment columns of how many values the arm's
     * {@code slices} show for each (a segment without any: 1; at most {@code Long.MAX_VALUE}).
     */
    static long segmentCombinations(Dimensions dimensions, Collection<SliceKey> slices) {
        Map<String, Map<String, Long>> values = new HashMap<>();
        for (SliceKey slice : slices) {
            if (slice.isSegment() && dimensions.isSingleSegment(slice.segmentColumn())) {
                values.computeIfAbsent(slice.arm(), arm -> new HashMap<>()).merge(slice.segmentColumn(), 1L, Long::sum);
            }
        }
        return values.values().stream().mapToLong(perColumn -> perColumn.values().stream()
                .reduce(1L, (a, b) -> a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b)).max().orElse(1);
    }

    /**
     * Ranks the counts once into a temporary table that passes 1 and 3 and the percentiles then read
     * (the workspace: one scan of the events instead of one per pass, and no per-value rows fetched);
     * {@link #drop} removes it. A read-only DuckDB connection may create temporary tables.
     */
    void materialize(Connection connection, SqlQuery events) throws SQLException {
        String name = "arbiter_tmp_quantile_counts_" + TABLES.incrementAndGet();
        try (PreparedStatement create = new SqlQuery().sql("CREATE TEMPORARY TABLE " + name + " AS ").append(ranked(events, false))
                .sql(" SELECT * FROM near").prepare(connection)) {
            create.execute();
        }
        table = name;
    }

    /** Drops the temporary table, if one was made. */
    void drop(Connection connection) throws SQLException {
        if (table != null) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS " + table);
            }
            table = null;
        }
    }

    /**
     * Per arm, the percentiles 1..99 from the materialized counts' whole-arm rows ({@code events}: each
     * arm's events, as the passes counted them).
     */
    Map<String, double[]> percentiles(Connection connection, Map<String, Long> events) throws SQLException {
        StringBuilder whole = new StringBuilder("ai IS NOT NULL");
        dimensions.segments().forEach(segment -> whole.append(" AND ").append(segment.alias()).append("_all = 1"));
        if (dimensions.daily()) {
            whole.append(" AND day_all = 1");
        }
        SqlQuery ranked = new SqlQuery().sql("WITH ranked AS (SELECT CASE ai");
        for (String arm : events.keySet()) {
            ranked.sql(" WHEN ").value(source.armIndex(arm)).sql(" THEN CAST(").value(arm).sql(" AS VARCHAR)");
        }
        ranked.sql(" END AS arm, v, n, cum FROM " + table + " WHERE " + whole + ")");
        return DistributionQuery.fromRanked(connection, ranked, events);
    }

    /** Pass 1: every slice's values near its quantile at {@code p}. */
    Map<SliceKey, ValueHistogram> at(Connection connection, SqlQuery events, double p) throws SQLException {
        SqlQuery query = near(events).sql(" SELECT " + slice("near") + ", v, n, cum, total FROM near WHERE ")
                .sql("COALESCE(m_before, -1E0) <= CAST(").value(p).sql(" AS DOUBLE PRECISION) * total AND ")
                .sql("COALESCE(m_after, total + 1E0) > CAST(").value(p).sql(" AS DOUBLE PRECISION) * total ORDER BY v");
        return read(connection, query);
    }

    /** Pass 3: each slice's values near its quantiles anywhere in its window [lower, upper] of probabilities. */
    Map<SliceKey, ValueHistogram> within(Connection connection, SqlQuery events, Map<SliceKey, double[]> windows)
            throws SQLException {
        if (windows.isEmpty()) {
            return Map.of();
        }
        SqlQuery query = near(events).sql(" SELECT " + slice("near") + ", v, n, cum, total FROM near JOIN (VALUES ");
        boolean first = true;
        for (Map.Entry<SliceKey, double[]> window : windows.entrySet()) {
            query.sql(first ? "" : ", ");
            row(query, window.getKey(), window.getValue());
            first = false;
        }
        query.sql(") AS w (" + slice("") + ", lo, hi) ON ").sql(joined())
                .sql(" WHERE COALESCE(m_before, -1E0) <= w.hi * total AND COALESCE(m_after, total + 1E0) > w.lo * total")
                .sql(" ORDER BY v");
        return read(connection, query);
    }

    /** {@code WITH ... near}: the ranked counts, from the temporary table when materialized. */
    private SqlQuery near(SqlQuery events) {
        return table == null ? ranked(events, true) : new SqlQuery().sql("WITH near AS (SELECT * FROM " + table + ")");
    }

    /**
     * {@code , [cells | segment_cells,] sets, ranked, near}: per slice (grouping sets over arm, each
     * segment and day) each distinct value's count n, cumulative count cum, the slice's total, and the
     * mid-ranks two values before and after. With {@code cellsFirst} (across a network) the events are
     * first counted per cell (arm × segments × day × value) and the sets added up from the cells; in
     * the workspace the sets are written apart ({@link Dimensions#setsApart}), days counted from the
     * events, whole arms and single segments added up from counts per arm, value and segment values
     * when those are few ({@link #MAX_SEGMENT_CELLS}) — the cells with days held 2.5M groups on 10M
     * events with continuous values, 0.4 s slower than counting each set from the events. The
     * neighbours' mid-ranks come from the counts around a value in the same ordering as cum,
     * m_{i−2} = cum_i − n_i − n_{i−1} − n_{i−2}/2 and m_{i+2} = cum_i + n_{i+1} + n_{i+2}/2 (NULL
     * where a neighbour is missing): one sort per slice where lagging the mid-ranks themselves needed
     * a second (0.15 s). Same counts every way (docs/benchmarks.md).
     */
    private SqlQuery ranked(SqlQuery events, boolean cellsFirst) {
        String cells = "ai, v" + dimensions.keyList();
        String partition = "PARTITION BY " + slice("");
        String ordered = "OVER (" + partition + " ORDER BY v)";
        SqlQuery query = new SqlQuery().append(events);
        if (cellsFirst) {
            query.sql(", cells AS (SELECT " + cells + ", COUNT(*) AS n FROM q GROUP BY " + cells + ")")
                    .sql(", sets AS (SELECT ai" + dimensions.selectList() + ", v, SUM(n) AS n FROM cells GROUP BY "
                            + dimensions.groupingSets("ai, v") + ")");
        } else if (segmentCells) {
            String keys = "ai, v" + dimensions.singleSegmentKeys();
            query.sql(", segment_cells AS (SELECT " + keys + ", COUNT(*) AS n FROM q GROUP BY " + keys + ")")
                    .sql(", sets AS (" + dimensions.setsApart("segment_cells") + ")");
        } else {
            query.sql(", sets AS (" + dimensions.setsApart(null) + ")");
        }
        return query
                .sql(", ranked AS (SELECT " + slice("") + ", v, n, SUM(n) OVER (" + partition + " ORDER BY v ROWS BETWEEN "
                        + "UNBOUNDED PRECEDING AND CURRENT ROW) AS cum, SUM(n) OVER (" + partition + ") AS total, LAG(n, 1) "
                        + ordered + " AS n_1, LAG(n, 2) " + ordered + " AS n_2, LEAD(n, 1) " + ordered + " AS n1, LEAD(n, 2) "
                        + ordered + " AS n2 FROM sets)")
                .sql(", near AS (SELECT " + slice("") + ", v, n, cum, total, cum - n - n_1 - n_2 / 2E0 AS m_before, "
                        + "cum + n1 + n2 / 2E0 AS m_after FROM ranked)");
    }

    /** The slice's key columns, qualified by {@code table} when given: ai, g0, g0_all, ..., day, day_all. */
    private String slice(String table) {
        String prefix = table.isEmpty() ? "" : table + ".";
        StringBuilder list = new StringBuilder(prefix + "ai");
        for (Dimensions.Segment segment : dimensions.segments()) {
            list.append(", ").append(prefix).append(segment.alias()).append(", ").append(prefix).append(segment.alias()).append("_all");
        }
        if (dimensions.daily()) {
            list.append(", ").append(prefix).append("day, ").append(prefix).append("day_all");
        }
        return list.toString();
    }

    /** near's slice columns equal to w's, NULL equal to NULL (a segment without a value, a dimension not grouped). */
    private String joined() {
        StringBuilder on = new StringBuilder("near.ai = w.ai");
        for (Dimensions.Segment segment : dimensions.segments()) {
            on.append(" AND near.").append(segment.alias()).append(" IS NOT DISTINCT FROM w.").append(segment.alias())
                    .append(" AND near.").append(segment.alias()).append("_all = w.").append(segment.alias()).append("_all");
        }
        if (dimensions.daily()) {
            on.append(" AND near.day IS NOT DISTINCT FROM w.day AND near.day_all = w.day_all");
        }
        return on.toString();
    }

    /** One VALUES row: the slice's key columns as its grouping set writes them, and its window; values bound. */
    private void row(SqlQuery query, SliceKey slice, double[] window) {
        query.sql("(CAST(").value(source.armIndex(slice.arm())).sql(" AS INTEGER)");
        for (Dimensions.Segment segment : dimensions.segments()) {
            boolean mine = segment.name().equals(slice.segmentColumn());
            query.sql(", CAST(").value(mine ? slice.segmentValue() : null).sql(" AS VARCHAR), CAST(").value(mine ? 0 : 1)
                    .sql(" AS INTEGER)");
        }
        if (dimensions.daily()) {
            query.sql(", CAST(").value(slice.isDay() ? Date.valueOf(slice.day()) : null).sql(" AS DATE), CAST(")
                    .value(slice.isDay() ? 0 : 1).sql(" AS INTEGER)");
        }
        query.sql(", CAST(").value(window[0]).sql(" AS DOUBLE PRECISION), CAST(").value(window[1]).sql(" AS DOUBLE PRECISION))");
    }

    /** Each slice's window of values, in increasing order, with the counts below it and in all. */
    private Map<SliceKey, ValueHistogram> read(Connection connection, SqlQuery query) throws SQLException {
        Map<SliceKey, ValueHistogram> found = new LinkedHashMap<>();
        query.forEachRow(connection, rows -> {
            SliceKey slice = dimensions.slice(rows, source.armName(rows.getInt("ai")));
            if (slice != null) {
                long n = rows.getLong("n");
                ValueHistogram window = found.get(slice);
                if (window == null) {
                    window = ValueHistogram.window(rows.getLong("cum") - n, rows.getLong("total"));
                    found.put(slice, window);
                }
                window.add(rows.getDouble("v"), n);
            }
        });
        return found;
    }
}
