package dev.arbiter.importers.statistics;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The ways results are split: each segment column, each crossed pair of segment columns (when
 * asked), and the day of first exposure (when there is a timestamp). A unit's segment is the
 * smallest value it has (segments are expected to be constant within a unit).
 */
final class Dimensions {
    /**
     * One segment dimension: its name in results, its SQL per event, its column alias, and for a
     * crossed pair the indexes of its two segment columns ({@code -1} for a single column).
     */
    record Segment(String name, String eventExpression, String alias, int first, int second) {
        boolean crossed() {
            return first >= 0;
        }
    }

    /** The text between the two values of a crossed pair, as an SQL string literal (Arbiter's constant). */
    static final String CROSS_LITERAL = "'" + SliceKey.CROSS + "'";

    private final List<Segment> segments = new ArrayList<>();
    private final boolean daily;

    Dimensions(EventSource source, List<String> columns, boolean crossed) {
        List<String> aliases = new ArrayList<>();
        for (String column : columns) {
            String alias = source.text(column);
            aliases.add(alias);
            segments.add(new Segment(column, alias, "g" + segments.size(), -1, -1));
        }
        if (crossed) {
            addPairs(columns, aliases);
        }
        this.daily = source.hasTimestamp();
    }

    /** Every pair of segment columns, crossed: "a × b" values. */
    private void addPairs(List<String> columns, List<String> aliases) {
        for (int i = 0; i < columns.size(); i++) {
            for (int j = i + 1; j < columns.size(); j++) {
                segments.add(new Segment(columns.get(i) + SliceKey.CROSS + columns.get(j),
                        aliases.get(i) + " || " + CROSS_LITERAL + " || " + aliases.get(j), "g" + segments.size(), i, j));
            }
        }
    }

    List<Segment> segments() {
        return segments;
    }

    boolean daily() {
        return daily;
    }

    /** {@code GROUPING SETS ((keys), (keys, g0), ..., (keys, day))}. */
    String groupingSets(String keys) {
        return groupingSets(keys, daily);
    }

    /** The grouping sets, with or without the day. */
    String groupingSets(String keys, boolean withDay) {
        StringBuilder sets = new StringBuilder("GROUPING SETS ((" + keys + ")");
        segments.forEach(segment -> sets.append(", (").append(keys).append(", ").append(segment.alias()).append(')'));
        if (withDay) {
            sets.append(", (").append(keys).append(", day)");
        }
        return sets.append(')').toString();
    }

    /**
     * The grouping sets over {@code ai, v} written apart: a {@code UNION ALL} of one count per set,
     * each row laid out as {@code ai} + {@link #selectList()} + {@code v, n} (a dimension a set does
     * not group is NULL, its flag 1). In DuckDB each set then fills its own hash table: 0.3 s faster
     * than {@code GROUPING SETS} on 10M events with 15,000 distinct values (docs/benchmarks.md).
     * With {@code cells} (a table of counts {@code n} per arm, value and single segment column), the
     * whole arms and the single segments add up those cells instead of counting the events again:
     * one pass over the events serves them all, where each cost one. Crossed segments and days count
     * the events ({@code q}). Same rows either way.
     */
    String setsApart(String cells) {
        StringBuilder union = new StringBuilder(setApart(-1, cells));
        for (int k = 0; k < segments.size(); k++) {
            union.append(" UNION ALL ").append(setApart(k, segments.get(k).crossed() ? null : cells));
        }
        if (daily) {
            union.append(" UNION ALL ").append(setApart(segments.size(), null));
        }
        return union.toString();
    }

    /** Whether {@code name} is a single segment column (not a crossed pair). */
    boolean isSingleSegment(String name) {
        return segments.stream().anyMatch(segment -> !segment.crossed() && segment.name().equals(name));
    }

    /** {@code , g0, g1}: the single (not crossed) segment columns, to count cells by for {@link #setsApart}. */
    String singleSegmentKeys() {
        StringBuilder keys = new StringBuilder();
        segments.stream().filter(segment -> !segment.crossed()).forEach(segment -> keys.append(", ").append(segment.alias()));
        return keys.toString();
    }

    /**
     * One set of {@link #setsApart}: {@code grouped} a segment's index, {@code segments.size()} the
     * day, -1 whole arms; added up from {@code cells}, or counted from the events when null.
     */
    private String setApart(int grouped, String cells) {
        StringBuilder select = new StringBuilder("SELECT ai");
        StringBuilder by = new StringBuilder("ai, v");
        for (int k = 0; k < segments.size(); k++) {
            String alias = segments.get(k).alias();
            select.append(k == grouped ? ", " + alias + ", 0 AS " : ", CAST(NULL AS VARCHAR) AS " + alias + ", 1 AS ")
                    .append(alias).append("_all");
            by.append(k == grouped ? ", " + alias : "");
        }
        if (daily) {
            boolean days = grouped == segments.size();
            select.append(days ? ", day, 0 AS day_all" : ", CAST(NULL AS DATE) AS day, 1 AS day_all");
            by.append(days ? ", day" : "");
        }
        return select.append(cells == null ? ", v, COUNT(*) AS n FROM q" : ", v, SUM(n) AS n FROM " + cells)
                .append(" GROUP BY ").append(by).toString();
    }

    /**
     * {@code , g0, g1, ..., day}: every dimension's column, to group by first into the finest
     * cells that the grouping sets then add up (a few rows, where grouping sets over every event
     * would feed each event to every set).
     */
    String keyList() {
        return keyList(daily);
    }

    /** The dimensions' columns, with or without the day. */
    String keyList(boolean withDay) {
        StringBuilder list = new StringBuilder();
        segments.forEach(segment -> list.append(", ").append(segment.alias()));
        return list.append(withDay ? ", day" : "").toString();
    }

    /** The select list naming every dimension and its GROUPING() flag. */
    String selectList() {
        return selectList(daily);
    }

    /** The select list, with or without the day. */
    String selectList(boolean withDay) {
        StringBuilder list = new StringBuilder();
        for (Segment segment : segments) {
            list.append(", ").append(segment.alias()).append(", GROUPING(").append(segment.alias()).append(") AS ")
                    .append(segment.alias()).append("_all");
        }
        if (withDay) {
            list.append(", day, GROUPING(day) AS day_all");
        }
        return list.toString();
    }

    /** The slice a result row describes. */
    SliceKey slice(ResultSet row, String arm) throws SQLException {
        return slice(row, arm, daily);
    }

    /** The slice a result row describes, for a query with or without the day. */
    SliceKey slice(ResultSet row, String arm, boolean withDay) throws SQLException {
        for (Segment segment : segments) {
            if (row.getInt(segment.alias() + "_all") == 0) {
                return SliceKey.segment(arm, segment.name(), row.getString(segment.alias()));
            }
        }
        if (withDay && row.getInt("day_all") == 0) {
            Date day = row.getDate("day");
            return day == null ? null : SliceKey.day(arm, day.toLocalDate());
        }
        return SliceKey.arm(arm);
    }
}
