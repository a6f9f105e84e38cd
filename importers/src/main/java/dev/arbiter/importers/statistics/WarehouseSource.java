package dev.arbiter.importers.statistics;

import dev.arbiter.importers.Sql;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
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

    private final String url;
    private final String table;
    private final SqlDialect dialect;
    private final MeteredConnections metered;
    private final CancellableConnections cancellable;
    private final JdbcStatisticsSource statistics;
    private final Path drivers;

    private WarehouseSource(String url, String table, Path drivers, JdbcStatisticsSource.Connections connections) {
        this.url = url;
        this.drivers = drivers;
        this.table = table;
        this.dialect = dialectFor(url);
        this.metered = new MeteredConnections(connections);
        this.cancellable = new CancellableConnections(metered);
        String view = "CREATE OR REPLACE TEMPORARY VIEW " + VIEW + " AS SELECT * FROM " + qualified(table);
        this.statistics = new JdbcStatisticsSource(cancellable, dialect, describe(url, table, dialect), List.of(view))
                .acrossNetwork();
    }

    /**
     * The dialect an engine's JDBC URL speaks: Spark SQL for Databricks, a Spark Thrift server
     * ({@code hive2}), Simba's Spark driver and Spark Connect ({@code sc}, Spark 4.1's driver); DuckDB;
     * else standard SQL.
     */
    public static SqlDialect dialectFor(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:databricks:") || lower.startsWith("jdbc:spark:") || lower.startsWith("jdbc:hive2:")
                || lower.startsWith("jdbc:sc:")) {
            return SqlDialect.SPARK;
        }
        return lower.startsWith("jdbc:duckdb:") ? SqlDialect.DUCKDB : SqlDialect.ANSI;
    }

    /**
     * {@code table} at {@code url}, reached through the JDBC driver for the URL (on the class path
     * or in the drivers folder, {@link DriverFolder}); {@code environment} gives the credentials
     * (pass {@code System.getenv()}).
     */
    public static WarehouseSource of(String url, String table, Map<String, String> environment) {
        Path drivers = DriverFolder.folder(environment);
        DriverFolder.load(drivers);
        // a DuckDB file has no users (and its driver takes unknown properties for settings, and fails)
        Properties credentials = dialectFor(url) == SqlDialect.DUCKDB ? new Properties() : credentials(environment);
        return new WarehouseSource(url, table, drivers, () -> DriverManager.getConnection(url, credentials));
    }

    /** {@code table} through {@code connections} that open sessions of an engine speaking {@code url}'s dialect (tests, embedded engines). */
    public static WarehouseSource over(String url, String table, JdbcStatisticsSource.Connections connections) {
        return new WarehouseSource(url, table, null, connections);
    }

    /** The statistics source an analysis reads; every query is counted and can be cancelled. */
    public JdbcStatisticsSource statistics() {
        return statistics;
    }

    /** Stops the engine's running queries (the engine cancels them server-side) and refuses new ones. */
    public void cancel() {
        cancellable.cancel();
    }

    /**
     * What was analysed: the table's rows and data fingerprint (one more scan in the engine), the
     * fingerprint of the queries run so far, and what came back. Call after the analysis.
     */
    public SourceRecord record() throws SQLException {
        String queries = metered.queryFingerprint();
        TableFingerprint data = statistics.fingerprint(VIEW);
        return new SourceRecord(dialect.toString(), withoutParameters(url), table, data.rows(), data.hash(), queries,
                metered.rowsReturned(), metered.bytesReturned());
    }

    /**
     * One line saying why the engine could not be read: which driver to add when none takes the URL,
     * else the first line of the engine's own message (a Spark error runs to pages with the SQL).
     */
    public String explain(Throwable error) {
        SQLException cause = null;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                cause = sql;
            }
        }
        String message = cause == null ? String.valueOf(error.getMessage()) : String.valueOf(cause.getMessage());
        String where = dialect + " at " + withoutParameters(url) + ", table " + table + ": ";
        if (message.startsWith("No suitable driver")) {
            return where + "no JDBC driver takes this URL — put the engine's driver jar (" + driverFor(url) + ") in "
                    + (drivers == null ? "" : drivers + " or ") + "on the class path (docs/warehouse.md)";
        }
        String line = message.strip().lines().filter(text -> !text.isBlank()).findFirst().orElse("failed").strip();
        return where + (line.length() > 300 ? line.substring(0, 300) + "…" : line);
    }

    private static String driverFor(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:databricks:")) {
            return "com.databricks:databricks-jdbc";
        }
        if (lower.startsWith("jdbc:hive2:")) {
            return "org.apache.hive:hive-jdbc, classifier standalone";
        }
        if (lower.startsWith("jdbc:sc:")) {
            return "org.apache.spark:spark-connect-client-jdbc_2.13, Spark 4.1 or later";
        }
        return lower.startsWith("jdbc:trino:") ? "io.trino:trino-jdbc" : "the engine's JDBC driver";
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
