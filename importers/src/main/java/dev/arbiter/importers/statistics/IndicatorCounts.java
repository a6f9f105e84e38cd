package dev.arbiter.importers.statistics;

import dev.arbiter.analytics.MidQuantile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The SQL of a quantile metric's pass 2 (docs/methods.md, "Quantile metrics"): per unit, its events
 * ({@code c}) and their weights in the mid-distribution at the quantile of each slice it is in
 * ({@link MidQuantile#weight}: 1 below, a share at the two values around it, 0 above; {@code s} for
 * its arm, {@code s}k for segment k, {@code sd} for a day), summed per slice into ratio moments; the result
 * has both levels ({@code lvl} 0: arms and segments, 1: days). A day's slice is that day's events,
 * clustered by unit: when some unit has events on several days, events are grouped by unit and day
 * ({@code pud}) and rolled up to units ({@code pu}); when every unit's events are on one day (as
 * with sessions), a unit is its own day's cluster and one grouping by unit serves every slice.
 *
 * <p>How a unit's weights are found depends on how many distinct cuts the slices' mid-quantiles
 * have. When few (three per quantile, up to {@link QueryTuning#maxIndicatorBuckets()} quantiles' worth,
 * as when values repeat and slices share their neighbouring values), each event is compared with
 * those few cuts only ({@code b}j: the unit's events below the j-th) and each unit then combines
 * the counts at its own slice's cuts with that slice's weights, n1 + w1·(n2 − n1) + w2·(n3 − n2) —
 * integer counts per event rather than a search through every slice's condition. Otherwise each
 * event is weighed at its own slice's cuts, joined to it as tables ({@link #bySlices}); with one
 * table of the slices' combinations only the events in the band around the quantiles are joined
 * and the others counted ({@link #weighedNearTheQuantiles}). Both give the
 * same sums for units whose segment values do not change; for a unit that has several values of a
 * segment (counted and warned about), buckets weigh all its events at the slice it is counted in.
 */
final class IndicatorCounts {
    /** Cuts per mid-quantile ({@link MidQuantile#cuts()}). */
    private static final int CUTS = 3;
    /**
     * At most this many combinations of the slices' arm, segment values and day are joined to the
     * events as one table (rows of 25 numbers: a build side that stays in cache; measured at 180 rows,
     * docs/benchmarks.md); more (many segment values, crossed segments, long experiments) join each
     * dimension's table apart.
     */
    static final int MAX_COMBINED_CUTS = 20_000;

    private final EventSource source;
    private final SqlDialect dialect;
    private final Dimensions dimensions;
    private final Map<SliceKey, MidQuantile> values;
    /** The distinct cuts of every slice's mid-quantile, in increasing order: one per-value count each. */
    private final List<Double> buckets;
    private final int maxBuckets;
    private final SegmentCodes codes;
    private final boolean unitsWithinOneDay;
    /** Whether pass 2 joins one table of the slices' combinations ({@link #combinesCuts()}), decided once. */
    private final boolean combined;

    /**
     * @param values     per slice with events, its mid-quantile from pass 1
     * @param maxBuckets at most this many distinct quantiles to count per value ({@link QueryTuning#maxIndicatorBuckets()}; tests vary it)
     * @param unitsWithinOneDay every unit's events are on one day (and have a timestamp): a unit is its own
     *                          day cluster, so one grouping by unit serves arms, segments and days
     */
    IndicatorCounts(EventSource source, SqlDialect dialect, Dimensions dimensions, Map<SliceKey, MidQuantile> values,
                    int maxBuckets, boolean unitsWithinOneDay) {
        this.dialect = dialect;
        this.maxBuckets = maxBuckets;
        this.unitsWithinOneDay = unitsWithinOneDay;
        this.source = source;
        this.dimensions = dimensions;
        this.values = values;
        TreeSet<Double> cuts = new TreeSet<>();
        values.values().forEach(quantile -> Arrays.stream(quantile.cuts()).forEach(cuts::add));
        this.buckets = new ArrayList<>(cuts);
        this.codes = codes(dimensions, values, dialect.tuning().maxSegmentCodes());
        this.combined = !usesBuckets() && fewCombinations();
    }

    /** Codes for the segment values that have a quantile. */
    private static SegmentCodes codes(Dimensions dimensions, Map<SliceKey, MidQuantile> values, int maxCodes) {
        Map<String, List<String>> known = new HashMap<>();
        dimensions.segments().forEach(segment -> known.put(segment.name(), new ArrayList<>()));
        values.keySet().stream().filter(SliceKey::isSegment)
                .forEach(slice -> known.get(slice.segmentColumn()).add(slice.segmentValue()));
        return new SegmentCodes(known, maxCodes);
    }

    /**
     * Whether units pick their weights from per-value counts (few distinct quantiles: each quantile
     * has three cuts, usually shared with its neighbours' when values repeat).
     */
    boolean usesBuckets() {
        return buckets.size() <= CUTS * maxBuckets;
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
        String select = unitsSelect(daily);
        String cells = "ai" + dimensions.keyList();
        return new SqlQuery().sql(", cells AS (SELECT " + cells + sums.cells() + " FROM pu GROUP BY " + cells + ")")
                .sql(" SELECT " + select + " FROM cells GROUP BY " + dimensions.groupingSets("ai"));
    }

    /** The select list over the cells: level, keys, counts, the arm's (or day's) sums and each segment's. */
    private String unitsSelect(boolean daily) {
        String day = daily ? "GROUPING(day) = 0" : "1 = 0";
        StringBuilder select = new StringBuilder("CASE WHEN " + day + " THEN 1 ELSE 0 END AS lvl, ai")
                .append(dimensions.selectList()).append(daily ? "" : ", CAST(NULL AS DATE) AS day")
                .append(", SUM(n) AS n, SUM(sc) AS sc, SUM(scc) AS scc");
        String[][] arm = {{"xs", "ds", "ss"}, {"xss", "dss", "sss"}, {"xsc", "dsc", "ssc"}};
        for (String[] sum : arm) {
            select.append(daily ? ", CASE WHEN " + day + " THEN SUM(" + sum[1] + ") ELSE SUM(" + sum[0] + ") END AS "
                    + sum[2] : ", SUM(" + sum[0] + ") AS " + sum[2]);
        }
        return select.append(segmentSums()).toString();
    }

    private String segmentSums() {
        StringBuilder select = new StringBuilder();
        for (int k = 0; k < dimensions.segments().size(); k++) {
            for (String sum : new String[] {"ss" + k, "sss" + k, "ssc" + k}) {
                select.append(", SUM(").append(sum).append(") AS ").append(sum);
            }
        }
        return select.toString();
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

    /**
     * Each event compared with its own slices' quantiles: each dimension's cuts and weights a small
     * table of its slices ({@code VALUES}, bound), joined to the events by arm (and segment value or
     * day) — a hash lookup per event where a {@code CASE} over every slice cost a comparison per slice.
     */
    private SqlQuery bySlices() {
        boolean twoLevels = twoLevels();
        SqlQuery query = new SqlQuery();
        StringBuilder joins = new StringBuilder();
        for (String table : cutTables()) {
            cutsTable(query, joins, table);
        }
        if (combined) {
            weighedNearTheQuantiles(query);
        } else {
            weighedEveryEvent(query, joins);
        }
        if (twoLevels) {
            unitsFromUnitDays(query);
        }
        return query;
    }

    /** {@code , qw, pu|pud}: every event joined to its slices' cuts (one table per dimension) and weighed. */
    private void weighedEveryEvent(SqlQuery query, StringBuilder joins) {
        List<Dimensions.Segment> segments = dimensions.segments();
        query.sql(", qw AS (SELECT q.*" + joinedCuts() + " FROM q" + joins + ")");
        query.sql(", " + (twoLevels() ? "pud" : "pu") + " AS (SELECT unit" + unitDay() + ", MIN(ai) AS ai, COUNT(*) AS c, SUM("
                + weightAt("wa") + ") AS s");
        for (int k = 0; k < segments.size(); k++) {
            String alias = segments.get(k).alias();
            query.sql(", MIN(" + alias + ") AS " + alias + ", SUM(" + weightAt("w" + alias) + ") AS s" + k);
        }
        if (dimensions.daily()) {
            query.sql(", SUM(" + weightAt("wd") + ") AS sd");
        }
        query.sql(" FROM qw GROUP BY " + firstGroup() + ")");
    }

    /** The cut tables' names: {@code wa} (arms), {@code w<alias>} per segment, {@code wd} (days). */
    private List<String> cutTables() {
        List<String> tables = new ArrayList<>();
        tables.add("wa");
        dimensions.segments().forEach(segment -> tables.add("w" + segment.alias()));
        if (dimensions.daily()) {
            tables.add("wd");
        }
        return tables;
    }

    /**
     * {@code , wc, pb, pl, pu|pud}: an event below the lowest cut of every slice weighs 1 in each of
     * its slices, one at or above the highest weighs 0, so {@code pl} only counts, per unit (or
     * unit-day), its events below the lowest cut ({@code b}; a unit-day without a day is in no
     * day's slice, and units are on one day only when every event has one); only the events
     * between the two — a narrow band around the quantiles, ~0.2% of 10M continuous latencies —
     * meet their slices' cuts, joined as one table of every combination of an arm's slices across
     * dimensions ({@code wc}, a cross product per arm), and are weighed ({@code pb}); a unit's
     * weight is its count below plus its band's weights. Exact because every
     * event has its row in {@code wc} ({@link #fewCombinations}: each arm's events form a slice in
     * every segment dimension, a missing value too; the days' table has a row without cuts for
     * events without a day). Joining every event to {@code wc} instead took 0.8–1.0 s on 10M events
     * against 0.55–0.75 s (docs/benchmarks.md).
     */
    private void weighedNearTheQuantiles(SqlQuery query) {
        String on = combinations(query);
        String day = twoLevels() ? ", q.day" : "";
        query.sql(", pb AS (SELECT q.unit" + day + ", SUM(" + weightAt("wc.wa") + ") AS xs");
        for (int k = 0; k < dimensions.segments().size(); k++) {
            query.sql(", SUM(" + weightAt("wc.w" + dimensions.segments().get(k).alias()) + ") AS xs" + k);
        }
        query.sql(dimensions.daily() ? ", SUM(" + weightAt("wc.wd") + ") AS xsd" : "")
                .sql(" FROM q JOIN wc" + on + " WHERE q.v >= ").append(number(lowestCut())).sql(" AND q.v < ")
                .append(number(highestCut())).sql(" GROUP BY q.unit" + day + ")");
        countsBelowTheBand(query);
        weightsOfCountsAndBand(query);
    }

    /** {@code , pl}: per unit (or unit-day) its events, those below the lowest cut, and its segments' values. */
    private void countsBelowTheBand(SqlQuery query) {
        query.sql(", pl AS (SELECT unit" + unitDay() + ", MIN(ai) AS ai, COUNT(*) AS c, COUNT(CASE WHEN v < ")
                .append(number(lowestCut())).sql(" THEN 1 END) AS b");
        dimensions.segments().forEach(segment -> query.sql(", MIN(" + segment.alias() + ") AS " + segment.alias()));
        query.sql(" FROM q GROUP BY " + firstGroup() + ")");
    }

    /** {@code , pu|pud}: each unit's (or unit-day's) weights, its count below the band plus its band's weights. */
    private void weightsOfCountsAndBand(SqlQuery query) {
        boolean twoLevels = twoLevels();
        query.sql(", " + (twoLevels ? "pud" : "pu") + " AS (SELECT pl.unit" + (dimensions.daily() ? ", pl.day" : "")
                + ", pl.ai, pl.c, pl.b + COALESCE(pb.xs, 0) AS s");
        for (int k = 0; k < dimensions.segments().size(); k++) {
            String alias = dimensions.segments().get(k).alias();
            query.sql(", pl." + alias + ", pl.b + COALESCE(pb.xs" + k + ", 0) AS s" + k);
        }
        query.sql(dimensions.daily() ? ", pl.b + COALESCE(pb.xsd, 0) AS sd" : "")
                .sql(" FROM pl LEFT JOIN pb ON pl.unit = pb.unit")
                .sql(twoLevels ? " AND pl.day IS NOT DISTINCT FROM pb.day)" : ")");
    }

    /** {@code , wc}: every combination of an arm's slices across dimensions; returns the {@code ON} that joins it to {@code q}. */
    private String combinations(SqlQuery query) {
        List<String> tables = cutTables();
        StringBuilder keys = new StringBuilder();
        StringBuilder from = new StringBuilder(" FROM wa");
        StringBuilder on = new StringBuilder(" ON q.ai = wc.ai");
        for (String table : tables.subList(1, tables.size())) {
            String key = table.equals("wd") ? "day" : table.substring(1);
            keys.append(", ").append(table).append(".k AS k_").append(table);
            from.append(" JOIN ").append(table).append(" ON ").append(table).append(".ai = wa.ai");
            on.append(" AND q.").append(key).append(" IS NOT DISTINCT FROM wc.k_").append(table);
        }
        query.sql(", wc AS (SELECT wa.ai" + keys + joinedCuts() + from + ")");
        return on.toString();
    }

    /** The lowest first cut of every slice's mid-quantile: events below it weigh 1 in each slice. */
    private double lowestCut() {
        return values.values().stream().mapToDouble(quantile -> quantile.cuts()[0]).min().orElse(0);
    }

    /** The highest last cut of every slice's mid-quantile: events at or above it weigh 0 in each slice. */
    private double highestCut() {
        return values.values().stream().mapToDouble(quantile -> quantile.cuts()[CUTS - 1]).max().orElse(0);
    }

    /**
     * Whether pass 2 reads the events twice (counts below the band, weights in it): engines that
     * store such common table expressions are told not to.
     */
    boolean readsEventsTwice() {
        return combined;
    }

    /**
     * Whether pass 2 weighs events per slice (not {@link #usesBuckets()}) from one table of the
     * slices' combinations: they are few enough, and every arm has a slice in each segment dimension
     * (its cross product is then not empty).
     */
    boolean combinesCuts() {
        return combined;
    }

    /** Whether the arms' combinations of slices number at most {@link #MAX_COMBINED_CUTS}, none of them empty. */
    private boolean fewCombinations() {
        long combinations = 0;
        for (String arm : armsWithSlices()) {
            long product = dimensions.daily()
                    ? 1 + values.keySet().stream().filter(slice -> slice.arm().equals(arm) && slice.isDay()).count() : 1;
            for (Dimensions.Segment segment : dimensions.segments()) {
                product *= values.keySet().stream().filter(slice -> slice.arm().equals(arm) && inDimension(slice, segment, false))
                        .count();
                if (product == 0 || product > MAX_COMBINED_CUTS) { // stops before a product of many segments overflows
                    return false;
                }
            }
            combinations += product;
        }
        return combinations > 0 && combinations <= MAX_COMBINED_CUTS;
    }

    /** The arms with a whole-arm quantile. */
    private List<String> armsWithSlices() {
        return values.keySet().stream().filter(SliceKey::isWholeArm).map(SliceKey::arm).toList();
    }

    /**
     * {@code , name AS (SELECT * FROM (VALUES (ai[, k], c1, c2, c3, w1, w2), ...))} of the dimension's
     * slices with a quantile ({@code wa} arms, {@code w<alias>} a segment, {@code wd} days; the days'
     * with a row without cuts per arm for events without a day), and its {@code LEFT JOIN} onto the
     * events (an event of no such slice meets NULL cuts and weighs 0).
     */
    private void cutsTable(SqlQuery query, StringBuilder joins, String name) {
        boolean days = name.equals("wd");
        Dimensions.Segment segment = dimensions.segments().stream().filter(s -> name.equals("w" + s.alias())).findFirst()
                .orElse(null);
        String key = days ? "day" : segment == null ? null : segment.alias();
        query.sql(", " + name + " AS (SELECT * FROM (VALUES ");
        boolean first = true;
        for (Map.Entry<SliceKey, MidQuantile> slice : values.entrySet()) {
            if (inDimension(slice.getKey(), segment, days)) {
                query.sql(first ? "(" : ", (").sql("CAST(").value(source.armIndex(slice.getKey().arm())).sql(" AS INTEGER)");
                if (days) {
                    query.sql(", CAST(").value(slice.getKey().day().toString()).sql(" AS DATE)");
                } else if (segment != null) {
                    query.sql(", CAST(").value(slice.getKey().segmentValue()).sql(" AS VARCHAR)");
                }
                double[] cuts = slice.getValue().cuts();
                double[] weights = slice.getValue().weights();
                for (double part : new double[] {cuts[0], cuts[1], cuts[2], weights[1], weights[2]}) {
                    query.sql(", ").append(number(part));
                }
                query.sql(")");
                first = false;
            }
        }
        if (days) {
            for (String arm : armsWithSlices()) {
                query.sql(first ? "(" : ", (").sql("CAST(").value(source.armIndex(arm)).sql(" AS INTEGER), CAST(NULL AS DATE)")
                        .sql(", CAST(NULL AS DOUBLE PRECISION)".repeat(5) + ")");
                first = false;
            }
        }
        if (first) { // no slice of the dimension has a quantile: a table that matches nothing
            query.sql("(CAST(-1 AS INTEGER)" + (key == null ? "" : days ? ", CAST(NULL AS DATE)" : ", CAST(NULL AS VARCHAR)")
                    + ", 0E0, 0E0, 0E0, 0E0, 0E0)");
        }
        query.sql(") AS listed (ai" + (key == null ? "" : ", k") + ", c1, c2, c3, w1, w2))");
        joins.append(" LEFT JOIN ").append(name).append(" ON q.ai = ").append(name).append(".ai");
        if (key != null) {
            joins.append(" AND q.").append(key).append(days ? " = " : " IS NOT DISTINCT FROM ").append(name).append(".k");
        }
    }

    /** The cut tables' cuts and weights, {@code <table>_c1} .. {@code <table>_w2}, read from {@code <table>.<part>}. */
    private String joinedCuts() {
        StringBuilder columns = new StringBuilder();
        for (String table : cutTables()) {
            for (String part : new String[] {"c1", "c2", "c3", "w1", "w2"}) {
                columns.append(", ").append(table).append('.').append(part).append(" AS ").append(table).append('_').append(part);
            }
        }
        return columns.toString();
    }

    /**
     * {@code CASE WHEN v < cut1 THEN 1 WHEN v < cut2 THEN w1 WHEN v < cut3 THEN w2 ELSE 0 END}: an
     * event's weight in the mid-distribution at its slice's quantile ({@link MidQuantile#weight}),
     * read from the joined table {@code table}; NULL cuts (no slice) weigh 0.
     */
    private static String weightAt(String table) {
        return "CASE WHEN v < " + table + "_c1 THEN 1 WHEN v < " + table + "_c2 THEN " + table + "_w1 WHEN v < " + table
                + "_c3 THEN " + table + "_w2 ELSE 0 END";
    }

    /** {@code , pu AS (...)}: the unit-days' weights added up per unit. */
    private void unitsFromUnitDays(SqlQuery query) {
        query.sql(", pu AS (SELECT unit, MIN(ai) AS ai, SUM(c) AS c, SUM(s) AS s");
        List<Dimensions.Segment> segments = dimensions.segments();
        for (int k = 0; k < segments.size(); k++) {
            String alias = segments.get(k).alias();
            query.sql(", MIN(" + alias + ") AS " + alias + ", SUM(s" + k + ") AS s" + k);
        }
        query.sql(" FROM pud GROUP BY unit)");
    }

    /**
     * Each event compared with the few distinct quantiles; each unit (and unit-day) picks its slice's
     * count. Segments with few values are carried as {@link SegmentCodes} ({@code k}i, decoded per
     * unit).
     */
    private SqlQuery byBuckets() {
        boolean twoLevels = twoLevels();
        SqlQuery query = new SqlQuery().sql(", " + (twoLevels ? "pud0" : "pu0") + " AS (SELECT unit" + unitDay()
                + ", MIN(ai) AS ai, COUNT(*) AS c").append(countsBelowCuts()).sql(" FROM q GROUP BY " + firstGroup() + ")");
        if (twoLevels) {
            query.sql(", pud AS (SELECT unit, day, ai, c, ").append(pick(null, true)).sql(" AS sd FROM pud0)")
                    .sql(", pu0 AS (SELECT unit, MIN(ai) AS ai, SUM(c) AS c" + countsOverDays() + " FROM pud0 GROUP BY unit)");
        }
        return weightsPicked(query, twoLevels);
    }

    /** Per group of events: how many fall below each cut ({@code b}j), and each segment's value or code. */
    private SqlQuery countsBelowCuts() {
        SqlQuery perEvent = new SqlQuery();
        for (int j = 0; j < buckets.size(); j++) {
            perEvent.sql(", SUM(CASE WHEN v < ").append(number(buckets.get(j))).sql(" THEN 1 ELSE 0 END) AS b" + j);
        }
        List<Dimensions.Segment> segments = dimensions.segments();
        for (int k = 0; k < segments.size(); k++) {
            Dimensions.Segment segment = segments.get(k);
            SqlQuery value = codes.coded(segment) ? codes.encode(segment, segment.alias())
                    : new SqlQuery().sql(segmentColumn(k));
            perEvent.sql(", MIN(").append(value).sql(") AS " + segmentColumn(k));
        }
        return perEvent;
    }

    /** The unit-days' counts added up per unit. */
    private String countsOverDays() {
        StringBuilder rollUp = new StringBuilder();
        for (int j = 0; j < buckets.size(); j++) {
            rollUp.append(", SUM(b").append(j).append(") AS b").append(j);
        }
        for (int k = 0; k < dimensions.segments().size(); k++) {
            rollUp.append(", MIN(").append(segmentColumn(k)).append(") AS ").append(segmentColumn(k));
        }
        return rollUp.toString();
    }

    /** Segment {@code k}'s column in the counts: its code ({@code k}k) or its alias. */
    private String segmentColumn(int k) {
        Dimensions.Segment segment = dimensions.segments().get(k);
        return codes.coded(segment) ? "k" + k : segment.alias();
    }

    /** {@code , pu AS (...)}: per unit, the weights its slices' quantiles give its counts (and its day's). */
    private SqlQuery weightsPicked(SqlQuery query, boolean twoLevels) {
        query.sql(", pu AS (SELECT unit, ai, c, ").append(pick(null, false)).sql(" AS s");
        if (dimensions.daily() && !twoLevels) {
            query.sql(", day, ").append(pick(null, true)).sql(" AS sd");
        }
        List<Dimensions.Segment> segments = dimensions.segments();
        for (int k = 0; k < segments.size(); k++) {
            Dimensions.Segment segment = segments.get(k);
            SqlQuery value = codes.coded(segment) ? codes.decode(segment, "k" + k) : new SqlQuery().sql(segment.alias());
            query.sql(", ").append(value).sql(" AS " + segment.alias() + ", ").append(pick(segment, false)).sql(" AS s" + k);
        }
        return query.sql(" FROM pu0)");
    }

    private static SqlQuery number(double value) {
        return new SqlQuery().sql("CAST(").value(value).sql(" AS DOUBLE PRECISION)");
    }

    /**
     * {@code CASE WHEN <slice> THEN n1 + w1 (n2 − n1) + w2 (n3 − n2) ... ELSE 0 END}: the unit's
     * weight at its slice's mid-quantile from its counts below the slice's three cuts.
     */
    private SqlQuery pick(Dimensions.Segment segment, boolean days) {
        SqlQuery cases = slices(segment, days, true, quantile -> {
            double[] cuts = quantile.cuts();
            double[] weights = quantile.weights();
            String[] below = new String[CUTS];
            for (int k = 0; k < CUTS; k++) {
                below[k] = "b" + buckets.indexOf(cuts[k]);
            }
            return new SqlQuery().sql("(" + below[0] + " + ").append(number(weights[1]))
                    .sql(" * (" + below[1] + " - " + below[0] + ") + ").append(number(weights[2]))
                    .sql(" * (" + below[2] + " - " + below[1] + "))");
        });
        return cases == null ? new SqlQuery().sql("0") : cases.sql(" ELSE 0 END");
    }

    /** {@code CASE WHEN <slice> THEN <then(quantile)> ...} over the dimension's slices with a quantile, or null. */
    private SqlQuery slices(Dimensions.Segment segment, boolean days, boolean coded, Function<MidQuantile, SqlQuery> then) {
        SqlQuery cases = new SqlQuery().sql("CASE");
        boolean any = false;
        for (Map.Entry<SliceKey, MidQuantile> slice : values.entrySet()) {
            if (inDimension(slice.getKey(), segment, days)) {
                cases.sql(" WHEN ").append(condition(slice.getKey(), segment, coded)).sql(" THEN ")
                        .append(then.apply(slice.getValue()));
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
