package dev.arbiter.importers.statistics;

import dev.arbiter.importers.Sql;
import dev.arbiter.importers.ingest.ColumnInfo;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Spark SQL 3.5 (issue 20). The metric SQL is standard; what Spark reads differently is rewritten
 * here, each found by running the analysis on Spark and comparing with DuckDB:
 * <ul>
 *   <li>{@code VARCHAR} without a length is not a Spark type: {@code STRING};
 *       {@code DOUBLE PRECISION} is {@code DOUBLE};</li>
 *   <li>{@code 1.0} and {@code 0.0} are DECIMAL literals in Spark, and an average of them comes back
 *       rounded to a few places: written {@code 1E0} and {@code 0E0}, doubles on every engine;</li>
 *   <li>date − date is an interval in Spark: whole days are {@code datediff};</li>
 *   <li>double-quoted identifiers parse only with {@code spark.sql.ansi.enabled} and
 *       {@code spark.sql.ansi.doubleQuotedIdentifiers}, set for the session, with the session's
 *       time zone pinned to UTC so that day boundaries do not move with the cluster's.</li>
 * </ul>
 */
final class SparkDialect implements SqlDialect {
    /** Engine-neutral words and their Spark spelling, matched as whole tokens. */
    private static final Map<Pattern, String> WORDS = Map.of(
            Pattern.compile("\\bDOUBLE PRECISION\\b"), "DOUBLE",
            Pattern.compile("\\bAS VARCHAR\\)"), "AS STRING)",
            Pattern.compile("(?<![\\w.])1\\.0(?![\\w.])"), "1E0",
            Pattern.compile("(?<![\\w.])0\\.0(?![\\w.])"), "0E0");

    @Override
    public String translate(String sql) {
        StringBuilder translated = new StringBuilder(sql.length() + 16);
        int start = 0;
        while (start < sql.length()) {
            int quote = nextQuote(sql, start);
            translated.append(rewrite(sql.substring(start, quote)));
            if (quote == sql.length()) {
                break;
            }
            int end = closingQuote(sql, quote);
            translated.append(sql, quote, end);
            start = end;
        }
        return translated.toString();
    }

    /** The first quote (' or ") at or after {@code from}, or the end. */
    private static int nextQuote(String sql, int from) {
        for (int i = from; i < sql.length(); i++) {
            if (sql.charAt(i) == '\'' || sql.charAt(i) == '"') {
                return i;
            }
        }
        return sql.length();
    }

    /** Just after the quote closing the one at {@code open} (a doubled quote is part of the text). */
    private static int closingQuote(String sql, int open) {
        char quote = sql.charAt(open);
        int i = open + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static String rewrite(String text) {
        String result = text;
        for (Map.Entry<Pattern, String> word : WORDS.entrySet()) {
            result = word.getKey().matcher(result).replaceAll(Matcher.quoteReplacement(word.getValue()));
        }
        return result;
    }

    @Override
    public List<String> sessionSetup() {
        return List.of("SET spark.sql.ansi.enabled = true", "SET spark.sql.ansi.doubleQuotedIdentifiers = true",
                "SET spark.sql.session.timeZone = UTC");
    }

    /** {@code DESCRIBE TABLE}, Spark's types named as DuckDB names them ({@code string} is VARCHAR). */
    @Override
    public List<ColumnInfo> columns(Connection connection, String table) throws SQLException {
        List<ColumnInfo> columns = new ArrayList<>();
        try (Statement describe = connection.createStatement();
             ResultSet rows = describe.executeQuery("DESCRIBE TABLE " + Sql.identifier(table))) {
            while (rows.next()) {
                String name = rows.getString(1);
                if (name == null || name.isBlank() || name.startsWith("#")) {
                    break; // partition and detail sections follow the columns
                }
                columns.add(new ColumnInfo(name, typeName(rows.getString(2))));
            }
        } catch (SQLException e) {
            if (String.valueOf(e.getMessage()).contains("TABLE_OR_VIEW_NOT_FOUND")) {
                return List.of();
            }
            throw e;
        }
        return columns;
    }

    /** A Spark type in DuckDB's words: string → VARCHAR, int → INTEGER, timestamp_ntz → TIMESTAMP, … */
    static String typeName(String spark) {
        String type = spark.trim().toUpperCase(Locale.ROOT);
        return switch (type) {
            case "STRING" -> "VARCHAR";
            case "INT" -> "INTEGER";
            case "TIMESTAMP_NTZ" -> "TIMESTAMP";
            case "TIMESTAMP" -> "TIMESTAMP WITH TIME ZONE";
            case "BYTE" -> "TINYINT";
            case "SHORT" -> "SMALLINT";
            case "LONG" -> "BIGINT";
            default -> type.startsWith("VARCHAR") || type.startsWith("CHAR") ? "VARCHAR" : type;
        };
    }

    /** Spark's {@code xxhash64} of the row (a BIGINT); maps, which Spark will not hash, as their text. */
    @Override
    public String rowHash(List<ColumnInfo> columns) {
        return "xxhash64(" + columns.stream().map(column -> column.type().startsWith("MAP")
                ? "CAST(" + Sql.identifier(column.name()) + " AS STRING)" : Sql.identifier(column.name()))
                .collect(Collectors.joining(", ")) + ")";
    }

    @Override
    public String daysBetween(String from, String to) {
        return "datediff(" + to + ", " + from + ")";
    }

    @Override
    public String toString() {
        return "Spark SQL";
    }
}
