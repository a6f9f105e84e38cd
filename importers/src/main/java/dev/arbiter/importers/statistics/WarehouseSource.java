package dev.arbiter.importers.statistics;

import dev.arbiter.importers.Sql;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Events in a database reached by JDBC instead of a workspace (issue 20): the engine's dialect
 * from the URL, credentials from the environment (never from the command line, never written
 * anywhere), and the table — a plain or {@code catalog.schema.table} name — seen by the analysis as
 * the view {@value #VIEW} in each session, so every query names one quoted identifier.
 */
public final class WarehouseSource {
    /** The name the analysis reads the table by. */
    public static final String VIEW = "warehouse_events";
    /** A personal access token (Databricks: user {@code token}). */
    public static final String TOKEN = "ARBITER_SOURCE_TOKEN";
    /** A user name and password, for engines that take those. */
    public static final String USER = "ARBITER_SOURCE_USER";
    public static final String PASSWORD = "ARBITER_SOURCE_PASSWORD";

    private WarehouseSource() {
    }

    /** The dialect an engine's JDBC URL speaks: Spark SQL for Databricks, Hive/Spark Thrift; DuckDB; else standard SQL. */
    public static SqlDialect dialectFor(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:databricks:") || lower.startsWith("jdbc:spark:") || lower.startsWith("jdbc:hive2:")) {
            return SqlDialect.SPARK;
        }
        return lower.startsWith("jdbc:duckdb:") ? SqlDialect.DUCKDB : SqlDialect.ANSI;
    }

    /**
     * A statistics source over {@code table} at {@code url}; {@code environment} gives the
     * credentials (pass {@code System.getenv()}).
     */
    public static JdbcStatisticsSource of(String url, String table, Map<String, String> environment) {
        SqlDialect dialect = dialectFor(url);
        Properties credentials = credentials(environment);
        String view = "CREATE OR REPLACE TEMPORARY VIEW " + VIEW + " AS SELECT * FROM " + qualified(table);
        return new JdbcStatisticsSource(() -> DriverManager.getConnection(url, credentials), dialect,
                describe(url, table, dialect), List.of(view));
    }

    /** {@code "catalog"."schema"."table"}: each dotted part quoted. */
    static String qualified(String table) {
        if (table == null || table.isBlank()) {
            throw new IllegalArgumentException("--table: give the events' table, e.g. main.analytics.events");
        }
        List<String> parts = new ArrayList<>();
        for (String part : table.strip().split("\\.", -1)) {
            if (part.isBlank()) {
                throw new IllegalArgumentException("--table " + table + ": an empty part in the name");
            }
            parts.add(Sql.identifier(part.strip()));
        }
        return String.join(".", parts);
    }

    private static Properties credentials(Map<String, String> environment) {
        Properties properties = new Properties();
        String token = environment.get(TOKEN);
        if (token != null && !token.isBlank()) {
            properties.setProperty("user", "token");
            properties.setProperty("password", token);
        } else if (environment.get(USER) != null) {
            properties.setProperty("user", environment.get(USER));
            properties.setProperty("password", environment.getOrDefault(PASSWORD, ""));
        }
        return properties;
    }

    /** "Spark SQL at jdbc:databricks://host:443/default…, table main.analytics.events". */
    private static String describe(String url, String table, SqlDialect dialect) {
        return dialect + " at " + withoutParameters(url) + ", table " + table;
    }

    /** The URL without its parameters ({@code ;PWD=…}, {@code ?password=…}), which may hold a secret: to show or record. */
    public static String withoutParameters(String url) {
        int semicolon = url.indexOf(';');
        int question = url.indexOf('?');
        int cut = semicolon < 0 ? question : question < 0 ? semicolon : Math.min(semicolon, question);
        return cut < 0 ? url : url.substring(0, cut) + "…";
    }
}
