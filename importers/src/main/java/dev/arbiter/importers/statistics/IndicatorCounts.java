package dev.arbiter.importers.statistics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.TreeSet;

/**
 * The SQL of a quantile metric's pass 2 (docs/methods.md, "Quantile metrics"): per unit, its events
 * ({@code c}) and those at or below the quantile of each slice it is in ({@code s} for its arm,
 * {@code s}k for segment k, {@code sd} for a day), summed per slice into ratio moments; the result
 * has both levels ({@code lvl} 0: arms and segments, 1: days). A day's slice is that day's events,
 * clustered by unit: when some unit has events on several days, events are grouped by unit and day
 * ({@code pud}) and rolled up to units ({@code pu}); when every unit's events are on one day (as
 * with sessions), a unit is its own day's cluster and one grouping by unit serves every slice.
 *
 * <p>How a unit's counts are found depends on how many distinct quantiles the slices have. When
 * few ({@link QueryTuning#maxIndicatorBuckets()}, as when values repeat and slices share their quantile), each event is
 * compared with those few values only ({@code b}j: events at or below the j-th) and each unit then
 * picks the count of its own slice's quantile — one comparison per distinct value per event rather
 * than a search through every slice's condition. Otherwise each event is compared with the quantile
 * of its own slice, found by a {@code CASE} over the slices. Both give the same counts for units
 * whose segment values do not change; for a unit that has several values of a segment (counted and
 * warned about), buckets compare all its events with the quantile of the slice it is counted in.
 */
final class IndicatorCounts {
    /** At most this many distinct quantiles over all slices to count per value rather than per slice. */

    private final EventSource source;
    private final SqlDialect dialect;
    private final Dimensions dimensions;
    private final Map<SliceKey, double[]> values;
    private final List<Double> buckets;
    private final int maxBuckets;
    private final SegmentCodes codes;
    private final boolean unitsWithinOneDay;

    /**
     * @param values     per slice, its events and quantile ({@code [events, quantile]}) from pass 1
     * @param maxBuckets at most this many distinct quantiles to count per value ({@link QueryTuning#maxIndicatorBuckets()}; tests vary it)
     * @param unitsWithinOneDay every unit's events are on one day (and have a timestamp): a unit is its own
     *                          day cluster, so one grouping by unit serves arms, segments and days
     */
    IndicatorCounts(EventSource source, SqlDialect dialect, Dimensions dimensions, Map<SliceKey, double[]> values,
                    int maxBuckets, boolean unitsWithinOneDay) {
        this.dialect = dialect;
        this.maxBuckets = maxBuckets;
        this.unitsWithinOneDay = unitsWithinOneDay;
        this.source = source;
        this.dimensions = dimensions;
        this.values = values;
        TreeSet<Double> distinct = new TreeSet<>();
        values.values().forEach(v -> {
            if (Double.isFinite(v[1])) {
                distinct.add(v[1]);
            }
        });
        this.buckets = new ArrayList<>(distinct);
        Map<String, List<String>> known = new HashMap<>();
        dimensions.segments().forEach(segment -> known.put(segment.name(), new ArrayList<>()));
        values.keySet().stream().filter(SliceKey::isSegment)
                .forEach(slice -> known.get(slice.segmentColumn()).add(slice.segmentValue()));
        this.codes = new SegmentCodes(known, dialect.tuning().maxSegmentCodes());
    }

    /** Whether units pick their counts from per-value buckets (few distinct quantiles). */
    boolean usesBuckets() {
        return buckets.size() <= maxBuckets;
    }

    /** The query after {@code WITH ev, q}: its common table expressions and final select. */
    SqlQuery query() {
        SqlQuery query = usesBuckets() ? byBuckets() : bySlices();
        return query.append(twoLevels() ? unitsAndUnitDays() : units());
    }

    /** Whether a day's clusters (unit-days) differ from units: days are asked and a unit may have events on several. */
    private boolean twoLevels() {
        return dimensions.daily() && !unitsWithinOneDay;
    }

    /** Unit-days and units: arms and segments from {@code pu}, days from {@code pud}, in one result. */
    private SqlQuery unitsAndUnitDays() {
        StringBuilder noSegmentSums = new StringBuilder();
        StringBuilder noSegments = new StringBuilder();
        for (int k = 0; k < dimensions.segments().size(); k++) {
            noSegmentSums.append(", 0, 0, 0");
            noSegments.append(", CAST(NULL AS VARCHAR), 1");
        }
        CellSums sums = indicatorSums("ss", "sss", "ssc");
        String cells = "ai" + dimensions.keyList(false);
        return new SqlQuery().sql(", cells AS (SELECT " + cells + sums.cells() + " FROM pu GROUP BY " + cells + ")")
                .sql(" SELECT 0 AS lvl, ai" + dimensions.selectList(false) + ", CAST(NULL AS DATE) AS day" + sums.sets()
                        + " FROM cells GROUP BY " + dimensions.groupingSets("ai", false))
                .sql(" UNION ALL SELECT 1, ai" + noSegments + ", day, COUNT(*), SUM(c), SUM(c * c), SUM(sd), SUM(sd * sd), "
                        + "SUM(sd * c)" + noSegmentSums + " FROM pud GROUP BY ai, day");
    }

    /**
     * Units only ({@code pu}, with its day when each unit's events are on one day): arms, segments
     * and days in one set of grouping sets; a day's row carries its day sums ({@code sd}) as the
     * arm's ({@code ss}, {@code sss}, {@code ssc}), as the two-level result does.
     */
    private SqlQuery units() {
        boolean daily = dimensions.daily();
        CellSums sums = indicatorSums("xs", "xss", "xsc");
        if (daily) {
            sums.sum("sd", "ds").sum("sd * sd", "dss").sum("sd * c", "dsc");
        }
        String day = daily ? "GROUPING(day) = 0" : "1 = 0";
        StringBuilder select = new StringBuilder("CASE WHEN " + day + " THEN 1 ELSE 0 END AS lvl, ai")
                .append(dimensions.selectList()).append(daily ? "" : ", CAST(NULL AS DATE) AS day")
                .append(", SUM(n) AS n, SUM(sc) AS sc, SUM(scc) AS scc");
        String[][] arm = {{"xs", "ds", "ss"}, {"xss", "dss", "sss"}, {"xsc", "dsc", "ssc"}};
        for (String[] sum : arm) {
            select.append(daily ? ", CASE WHEN " + day + " THEN SUM(" + sum[1] + ") ELSE SUM(" + sum[0] + ") END AS "
                    + sum[2] : ", SUM(" + sum[0] + ") AS " + sum[2]);
        }
        for (int k = 0; k < dimensions.segments().size(); k++) {
            for (String sum : new String[] {"ss" + k, "sss" + k, "ssc" + k}) {
                select.append(", SUM(").append(sum).append(") AS ").append(sum);
            }
        }
        String cells = "ai" + dimensions.keyList();
        return new SqlQuery().sql(", cells AS (SELECT " + cells + sums.cells() + " FROM pu GROUP BY " + cells + ")")
                .sql(" SELECT " + select + " FROM cells GROUP BY " + dimensions.groupingSets("ai"));
    }

    /** Per cell: units {@code n}, Σc, Σc², the arm's Σs, Σs², Σsc (named as given) and each segment's. */
    private CellSums indicatorSums(String sum, String squares, String products) {
        CellSums sums = new CellSums(dialect).count("n").sum("c", "sc").sum("c * c", "scc")
                .sum("s", sum).sum("s * s", squares).sum("s * c", products);
        for (int k = 0; k < dimensions.segments().size(); k++) {
            sums.sum("s" + k, "ss" + k).sum("s" + k + " * s" + k, "sss" + k).sum("s" + k + " * c", "ssc" + k);
        }
        return sums;
    }

    /** {@code unit[, day]} to group events by first: unit-days when days need their own clusters. */
    private String firstGroup() {
        return twoLevels() ? "unit, day" : "unit";
    }

    /** The day column of the first grouping: the group's day (unit-days), the unit's one day, or none. */
    private String unitDay() {
        if (twoLevels()) {
            return ", day";
        }
        return dimensions.daily() ? ", MIN(day) AS day" : "";
    }

    /** Each event compared with its own slices' quantiles ({@code CASE} over the slices). */
    private SqlQuery bySlices() {
        List<Dimensions.Segment> segments = dimensions.segments();
        boolean twoLevels = twoLevels();
        SqlQuery query = new SqlQuery().sql(", " + (twoLevels ? "pud" : "pu") + " AS (SELECT unit" + unitDay()
                + ", MIN(ai) AS ai, COUNT(*) AS c, SUM(CASE WHEN v <= ").append(quantileOf(null, false))
                .sql(" THEN 1 ELSE 0 END) AS s");
        for (int k = 0; k < segments.size(); k++) {
            Dimensions.Segment segment = segments.get(k);
            query.sql(", MIN(" + segment.alias() + ") AS " + segment.alias() + ", SUM(CASE WHEN v <= ")
                    .append(quantileOf(segment, false)).sql(" THEN 1 ELSE 0 END) AS s" + k);
        }
        if (dimensions.daily()) {
            query.sql(", SUM(CASE WHEN v <= ").append(quantileOf(null, true)).sql(" THEN 1 ELSE 0 END) AS sd");
        }
        query.sql(" FROM q GROUP BY " + firstGroup() + ")");
        if (twoLevels) {
            query.sql(", pu AS (SELECT unit, MIN(ai) AS ai, SUM(c) AS c, SUM(s) AS s");
            for (int k = 0; k < segments.size(); k++) {
                String alias = segments.get(k).alias();
                query.sql(", MIN(" + alias + ") AS " + alias + ", SUM(s" + k + ") AS s" + k);
            }
            query.sql(" FROM pud GROUP BY unit)");
        }
        return query;
    }

    /**
     * Each event compared with the few distinct quantiles; each unit (and unit-day) picks its slice's
     * count. Segments with few values are carried as {@link SegmentCodes} ({@code k}i, decoded per
     * unit).
     */
    private SqlQuery byBuckets() {
        List<Dimensions.Segment> segments = dimensions.segments();
        boolean twoLevels = twoLevels();
        SqlQuery perEvent = new SqlQuery();
        StringBuilder rollUp = new StringBuilder();
        for (int j = 0; j < buckets.size(); j++) {
            perEvent.sql(", SUM(CASE WHEN v <= CAST(").value(buckets.get(j))
                    .sql(" AS DOUBLE PRECISION) THEN 1 ELSE 0 END) AS b" + j);
            rollUp.append(", SUM(b").append(j).append(") AS b").append(j);
        }
        for (int k = 0; k < segments.size(); k++) {
            Dimensions.Segment segment = segments.get(k);
            String column = codes.coded(segment) ? "k" + k : segment.alias();
            SqlQuery value = codes.coded(segment) ? codes.encode(segment, segment.alias()) : new SqlQuery().sql(column);
            perEvent.sql(", MIN(").append(value).sql(") AS " + column);
            rollUp.append(", MIN(").append(column).append(") AS ").append(column);
        }
        SqlQuery query = new SqlQuery().sql(", " + (twoLevels ? "pud0" : "pu0") + " AS (SELECT unit" + unitDay()
                + ", MIN(ai) AS ai, COUNT(*) AS c").append(perEvent).sql(" FROM q GROUP BY " + firstGroup() + ")");
        if (twoLevels) {
            query.sql(", pud AS (SELECT unit, day, ai, c, ").append(pick(null, true)).sql(" AS sd FROM pud0)")
                    .sql(", pu0 AS (SELECT unit, MIN(ai) AS ai, SUM(c) AS c" + rollUp + " FROM pud0 GROUP BY unit)");
        }
        query.sql(", pu AS (SELECT unit, ai, c, ").append(pick(null, false)).sql(" AS s");
        if (dimensions.daily() && !twoLevels) {
            query.sql(", day, ").append(pick(null, true)).sql(" AS sd");
        }
        for (int k = 0; k < segments.size(); k++) {
            Dimensions.Segment segment = segments.get(k);
            SqlQuery value = codes.coded(segment) ? codes.decode(segment, "k" + k) : new SqlQuery().sql(segment.alias());
            query.sql(", ").append(value).sql(" AS " + segment.alias() + ", ").append(pick(segment, false)).sql(" AS s" + k);
        }
        return query.sql(" FROM pu0)");
    }

    /** {@code (CASE WHEN <slice> THEN quantile ... END)} over one dimension's slices. */
    private SqlQuery quantileOf(Dimensions.Segment segment, boolean days) {
        SqlQuery cases = slices(segment, days, false, quantile -> new SqlQuery().sql("CAST(").value(quantile)
                .sql(" AS DOUBLE PRECISION)"));
        return cases == null ? new SqlQuery().sql("CAST(NULL AS DOUBLE PRECISION)") : new SqlQuery().sql("(").append(cases)
                .sql(" END)");
    }

    /** {@code CASE WHEN <slice> THEN b<j> ... ELSE 0 END}: the count at the slice's quantile. */
    private SqlQuery pick(Dimensions.Segment segment, boolean days) {
        SqlQuery cases = slices(segment, days, true, quantile -> new SqlQuery().sql("b" + buckets.indexOf(quantile)));
        return cases == null ? new SqlQuery().sql("0") : cases.sql(" ELSE 0 END");
    }

    /** {@code CASE WHEN <slice> THEN <then(quantile)> ...} over the dimension's slices with a quantile, or null. */
    private SqlQuery slices(Dimensions.Segment segment, boolean days, boolean coded, Function<Double, SqlQuery> then) {
        SqlQuery cases = new SqlQuery().sql("CASE");
        boolean any = false;
        for (Map.Entry<SliceKey, double[]> slice : values.entrySet()) {
            if (inDimension(slice.getKey(), segment, days) && Double.isFinite(slice.getValue()[1])) {
                cases.sql(" WHEN ").append(condition(slice.getKey(), segment, coded)).sql(" THEN ")
                        .append(then.apply(slice.getValue()[1]));
                any = true;
            }
        }
        return any ? cases : null;
    }

    /** Whether a slice belongs to the dimension: whole arms (no segment), one segment column, or days. */
    private static boolean inDimension(SliceKey slice, Dimensions.Segment segment, boolean days) {
        if (days) {
            return slice.isDay();
        }
        return segment == null ? slice.isWholeArm() : segment.name().equals(slice.segmentColumn());
    }

    /** {@code ai = i [AND segment IS NOT DISTINCT FROM ?, or its code k = c] [AND day = ?]}. */
    private SqlQuery condition(SliceKey slice, Dimensions.Segment segment, boolean coded) {
        SqlQuery condition = new SqlQuery().sql("ai = " + source.armIndex(slice.arm()));
        if (slice.isDay()) {
            condition.sql(" AND day = CAST(").value(slice.day().toString()).sql(" AS DATE)");
        } else if (segment != null && coded && codes.coded(segment)) {
            String column = "k" + dimensions.segments().indexOf(segment);
            condition.sql(" AND " + codes.equals(segment, column, slice.segmentValue()));
        } else if (segment != null) {
            condition.sql(" AND " + segment.alias() + " IS NOT DISTINCT FROM CAST(").value(slice.segmentValue())
                    .sql(" AS VARCHAR)");
        }
        return condition;
    }
}
