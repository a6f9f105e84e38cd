package dev.arbiter.importers.ingest;

import dev.arbiter.importers.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The temporary table of flattened model calls: the fixed columns ({@link LlmCall#COLUMNS}), one
 * typed column per attribute key found in the export, and the call's source file. An attribute
 * named like a fixed column (in any case) is stored as {@code attr.<key>}; keys differing only in
 * case keep the first spelling's column and the others go the same way. With more than
 * {@value #MAX_ATTRIBUTE_COLUMNS} keys, the most frequent get columns and the rest are kept
 * together in {@value #OTHER_ATTRIBUTES} as a JSON object, so no attribute is lost.
 */
final class TraceTable {
    static final String NAME = "arbiter_tmp_calls";
    /** The hidden column naming each call's file (for --file-column); never stored. */
    static final String SOURCE_FILE = "arbiter_source_file";
    static final int MAX_ATTRIBUTE_COLUMNS = 256;
    static final String OTHER_ATTRIBUTES = "other_attributes";

    private TraceTable() {
    }

    /** One attribute column: the key read, the column's name and its DuckDB type. */
    private record AttributeColumn(String key, String column, String type) {
    }

    /** Creates the table and loads the calls into it; returns the number of attribute keys left in {@value #OTHER_ATTRIBUTES}. */
    static int create(Connection connection, List<LlmCall> calls) throws SQLException {
        Layout layout = layout(calls);
        List<String> columns = new ArrayList<>();
        for (String[] column : LlmCall.COLUMNS) {
            columns.add(Sql.identifier(column[0]) + " " + column[1]);
        }
        layout.columns().forEach(column -> columns.add(Sql.identifier(column.column()) + " " + column.type()));
        if (!layout.others().isEmpty()) {
            columns.add(Sql.identifier(OTHER_ATTRIBUTES) + " VARCHAR");
        }
        columns.add(Sql.identifier(SOURCE_FILE) + " VARCHAR");
        Tables.execute(connection, "CREATE OR REPLACE TEMP TABLE " + NAME + " (" + String.join(", ", columns) + ")");
        append(connection, calls, layout);
        return layout.others().size();
    }

    /** The attribute columns, and the keys kept together as JSON. */
    private record Layout(List<AttributeColumn> columns, Set<String> others) {
    }

    private static Layout layout(List<LlmCall> calls) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Set<Class<?>>> kinds = new HashMap<>();
        for (LlmCall call : calls) {
            call.attributes().forEach((key, value) -> {
                counts.merge(key, 1, Integer::sum);
                kinds.computeIfAbsent(key, k -> new HashSet<>()).add(value.getClass());
            });
        }
        List<String> keys = counts.keySet().stream().sorted(Comparator.comparing((String key) -> -counts.get(key))
                .thenComparing(Comparator.naturalOrder())).toList();
        Set<String> taken = new HashSet<>();
        for (String[] fixed : LlmCall.COLUMNS) {
            taken.add(fixed[0].toLowerCase(Locale.ROOT));
        }
        taken.add(SOURCE_FILE);
        taken.add(OTHER_ATTRIBUTES);
        List<AttributeColumn> columns = new ArrayList<>();
        Set<String> others = new LinkedHashSet<>();
        for (String key : keys) {
            String column = taken.contains(key.toLowerCase(Locale.ROOT)) ? "attr." + key : key;
            if (columns.size() >= MAX_ATTRIBUTE_COLUMNS || taken.contains(column.toLowerCase(Locale.ROOT))) {
                others.add(key);
                continue;
            }
            taken.add(column.toLowerCase(Locale.ROOT));
            columns.add(new AttributeColumn(key, column, type(kinds.get(key))));
        }
        columns.sort(Comparator.comparing(AttributeColumn::column));
        return new Layout(columns, others);
    }

    /** BIGINT when every value is whole, DOUBLE when every value is a number, BOOLEAN, else VARCHAR. */
    private static String type(Set<Class<?>> kinds) {
        if (kinds.equals(Set.of(Long.class))) {
            return "BIGINT";
        }
        if (kinds.stream().allMatch(kind -> kind == Long.class || kind == Double.class)) {
            return "DOUBLE";
        }
        return kinds.equals(Set.of(Boolean.class)) ? "BOOLEAN" : "VARCHAR";
    }

    private static void append(Connection connection, List<LlmCall> calls, Layout layout) throws SQLException {
        try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class).createAppender("temp", "main", NAME)) {
            for (LlmCall call : calls) {
                appender.beginRow().append(call.traceId()).append(call.requestId()).append(call.sessionId())
                        .append(call.userId()).append(call.name()).append(call.model()).append(call.provider());
                if (call.startTime() == null) {
                    appender.appendNull();
                } else {
                    appender.append(OffsetDateTime.ofInstant(call.startTime(), ZoneOffset.UTC));
                }
                appender.append(call.latencyMs()).append(call.ttftMs()).append(call.tokensIn()).append(call.tokensOut())
                        .append(call.costUsd()).append(call.error());
                for (AttributeColumn column : layout.columns()) {
                    appendValue(appender, call.attributes().get(column.key()), column.type());
                }
                if (!layout.others().isEmpty()) {
                    appender.append(others(call, layout.others()));
                }
                appender.append(call.file()).endRow();
            }
            appender.flush();
        }
    }

    private static void appendValue(DuckDBAppender appender, Object value, String type) throws SQLException {
        if (value == null) {
            appender.appendNull();
            return;
        }
        switch (type) {
            case "BIGINT" -> appender.append((Long) value);
            case "DOUBLE" -> appender.append(((Number) value).doubleValue());
            case "BOOLEAN" -> appender.append((Boolean) value);
            default -> appender.append(String.valueOf(value));
        }
    }

    /** The call's attributes without a column of their own, as one JSON object (null when it has none). */
    private static String others(LlmCall call, Set<String> others) {
        Map<String, Object> rest = new TreeMap<>();
        call.attributes().forEach((key, value) -> {
            if (others.contains(key)) {
                rest.put(key, value);
            }
        });
        return rest.isEmpty() ? null : JsonFields.MAPPER.valueToTree(rest).toString();
    }

    /** The calls' columns as read by an import: everything but the hidden source file. */
    static String relation() {
        return "(SELECT * EXCLUDE (" + SOURCE_FILE + ") FROM " + NAME + ")";
    }

    /** For the import's warnings: how many attribute keys went to {@value #OTHER_ATTRIBUTES}. */
    static String describeOthers(int count) {
        return count + " more attribute keys than the " + MAX_ATTRIBUTE_COLUMNS + " columns kept are in '" + OTHER_ATTRIBUTES
                + "' (JSON)";
    }
}
