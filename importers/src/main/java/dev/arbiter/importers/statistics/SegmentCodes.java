package dev.arbiter.importers.statistics;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Small integer codes for the values of segments that have few of them. The queries that aggregate
 * every event to its unit take a unit's segment as the smallest value of its events; aggregating an
 * integer code is much cheaper than aggregating text (docs/benchmarks.md). Codes follow the values'
 * order in the engine (their UTF-8 bytes), so the smallest code is the smallest value. Segments
 * with more values than the dialect codes ({@link QueryTuning#maxSegmentCodes()}), and null values,
 * are not coded.
 */
final class SegmentCodes {
    private final Map<String, List<String>> codes = new HashMap<>();

    /**
     * @param known     each segment's values (by segment name); segments with too many are left uncoded
     * @param maxValues at most this many values of a segment to code it (0: code none)
     */
    SegmentCodes(Map<String, ? extends Collection<String>> known, int maxValues) {
        known.forEach((segment, values) -> {
            List<String> sorted = values.stream().filter(value -> value != null).distinct()
                    .sorted(SegmentCodes::byteOrder).toList();
            if (maxValues > 0 && sorted.size() <= maxValues) {
                codes.put(segment, sorted);
            }
        });
    }

    /**
     * Each segment's values among the experiment's events, found with one small query per segment
     * (at most {@code maxValues + 1} values are read: more means the segment is not coded).
     */
    static SegmentCodes find(Connection connection, EventSource source, List<Dimensions.Segment> segments, int maxValues)
            throws SQLException {
        Map<String, List<String>> known = new HashMap<>();
        for (Dimensions.Segment segment : maxValues > 0 ? segments : List.<Dimensions.Segment>of()) {
            String text = segment.eventExpression();
            SqlQuery query = new SqlQuery().sql("WITH ").append(source.cte()).sql(" SELECT DISTINCT " + text
                    + " AS v FROM ev WHERE ai IS NOT NULL AND " + text + " IS NOT NULL LIMIT " + (maxValues + 1));
            List<String> values = new ArrayList<>();
            query.forEachRow(connection, rows -> values.add(rows.getString("v")));
            known.put(segment.name(), values);
        }
        return new SegmentCodes(known, maxValues);
    }

    boolean coded(Dimensions.Segment segment) {
        return codes.containsKey(segment.name());
    }

    /** {@code CASE <text> WHEN ? THEN 0 WHEN ? THEN 1 ... END}: a coded segment's value as its code (null stays null). */
    SqlQuery encode(Dimensions.Segment segment, String text) {
        List<String> values = codes.get(segment.name());
        if (values.isEmpty()) {
            return new SqlQuery().sql("CAST(NULL AS INTEGER)");
        }
        SqlQuery cases = new SqlQuery().sql("CASE " + text);
        for (int code = 0; code < values.size(); code++) {
            cases.sql(" WHEN CAST(").value(values.get(code)).sql(" AS VARCHAR) THEN " + code);
        }
        return cases.sql(" END");
    }

    /** {@code CASE <column> WHEN 0 THEN ? ... END}: a code in {@code column} back to the segment's value. */
    SqlQuery decode(Dimensions.Segment segment, String column) {
        SqlQuery cases = new SqlQuery().sql("CASE " + column);
        List<String> values = codes.get(segment.name());
        for (int code = 0; code < values.size(); code++) {
            cases.sql(" WHEN " + code + " THEN CAST(").value(values.get(code)).sql(" AS VARCHAR)");
        }
        return cases.sql(" ELSE CAST(NULL AS VARCHAR) END");
    }

    /** A coded segment's condition on its code column: {@code column = code}, or {@code column IS NULL} for null. */
    String equals(Dimensions.Segment segment, String column, String value) {
        int code = value == null ? -1 : codes.get(segment.name()).indexOf(value);
        if (value != null && code < 0) {
            return "1 = 0";
        }
        return column + (code < 0 ? " IS NULL" : " = " + code);
    }

    /** The engine's order of text values: their UTF-8 bytes, unsigned. */
    private static int byteOrder(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
