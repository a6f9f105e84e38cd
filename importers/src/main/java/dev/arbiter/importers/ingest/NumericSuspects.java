package dev.arbiter.importers.ingest;

import dev.arbiter.importers.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Text columns that are numbers but for a few stray values ("notanumber" among latencies, "n/a"):
 * DuckDB's reader types such a column as text from its sample, which would lose the column for every
 * metric. The import reads them as numbers instead, rejecting the rows with a stray value (CSV: with
 * line and reason) or, if the analyst chose so, loading the stray value as empty and counting it.
 */
final class NumericSuspects {
    /** Fewest numbers in the sample for a text column to be read as numeric. */
    static final int MIN_NUMBERS = 10;

    private NumericSuspects() {
    }

    /**
     * The text columns (not in {@code skip}: ids, arms, free text) whose values in the {@code sample}
     * table are numbers but for at most 3 or 1% of them, each with its type ({@code BIGINT} or {@code DOUBLE}).
     */
    static Map<String, ColumnInfo> find(Connection connection, String sample, List<ColumnInfo> columns, Set<String> skip)
            throws SQLException {
        List<ColumnInfo> text = columns.stream().filter(c -> c.isText() && !skip.contains(c.name())).toList();
        Map<String, ColumnInfo> found = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return found;
        }
        List<String> items = new ArrayList<>();
        text.forEach(c -> items.add(Sql.identifier(c.name())));
        String sql = "SELECT name, count(v), count(TRY_CAST(v AS DOUBLE)), "
                + "count(CASE WHEN regexp_full_match(trim(v), '[+-]?[0-9]{1,18}') THEN 1 END) FROM (UNPIVOT (SELECT "
                + String.join(", ", items) + " FROM " + sample + ") ON COLUMNS(*) INTO NAME name VALUE v) GROUP BY name";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long values = rows.getLong(2);
                    long numbers = rows.getLong(3);
                    long stray = values - numbers;
                    if (numbers >= MIN_NUMBERS && stray > 0 && stray <= Math.max(3, values / 100)) {
                        String name = rows.getString(1);
                        found.put(name, new ColumnInfo(name, rows.getLong(4) == numbers ? "BIGINT" : "DOUBLE"));
                    }
                }
            }
        }
        return found;
    }

    /**
     * {@code TRY_CAST(trim("c") AS TYPE) AS "c"}: a stray value loaded as empty. The trim keeps DuckDB
     * from pushing the cast into the CSV reader, which would reject the row instead.
     */
    static String nulled(ColumnInfo column) {
        String name = Sql.identifier(column.name());
        return "TRY_CAST(trim(CAST(" + name + " AS VARCHAR)) AS " + column.type() + ") AS " + name;
    }

    /** How many values of each column are not numbers (they will be loaded empty), with one example each: one pass. */
    static List<String> describeNulled(Connection connection, SourceRelation reader, Map<String, ColumnInfo> suspects)
            throws SQLException {
        List<String> warnings = new ArrayList<>();
        if (suspects.isEmpty()) {
            return warnings;
        }
        List<ColumnInfo> columns = List.copyOf(suspects.values());
        List<String> items = new ArrayList<>();
        for (ColumnInfo column : columns) {
            String name = Sql.identifier(column.name());
            String bad = name + " IS NOT NULL AND TRY_CAST(trim(CAST(" + name + " AS VARCHAR)) AS " + column.type() + ") IS NULL";
            items.add("count(*) FILTER (WHERE " + bad + ")");
            items.add("min(CAST(" + name + " AS VARCHAR)) FILTER (WHERE " + bad + ")");
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT " + String.join(", ", items) + " FROM "
                + reader.relation())) {
            reader.bind(query);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                for (int i = 0; i < columns.size(); i++) {
                    long count = rows.getLong(2 * i + 1);
                    if (count > 0) {
                        warnings.add(String.format(Locale.ROOT, "Column %s is numeric: %,d values that are not numbers "
                                + "(e.g. '%s') were loaded empty, as asked (--bad-values null).", columns.get(i).name(), count,
                                rows.getString(2 * i + 2)));
                    }
                }
            }
        }
        return warnings;
    }
}
