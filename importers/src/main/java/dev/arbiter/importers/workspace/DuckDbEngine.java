package dev.arbiter.importers.workspace;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Facts about the embedded DuckDB engine, for the About dialog and reports; and loading it early. */
public final class DuckDbEngine {
    /**
     * The classes initialized ahead, in order: the one that loads DuckDB's native library, and the
     * driver, whose initialization registers a JFR periodic event for DuckDB's memory (~0.2 s of JFR
     * set-up on the thread that first connects, docs/benchmarks.md).
     */
    private static final List<String> ENGINE_CLASSES = List.of("org.duckdb.DuckDBNative", "org.duckdb.DuckDBDriver");
    private static volatile Thread loading;

    private DuckDbEngine() {
    }

    /**
     * Starts loading the native engine and its driver on a daemon thread, so a command that will
     * open a workspace does not wait for them after parsing its arguments: the library's loading
     * and the driver's JFR set-up (~0.3 s of a command's start-up, docs/benchmarks.md).
     */
    public static synchronized void loadSoon() {
        if (loading == null) {
            loading = new Thread(DuckDbEngine::load, "duckdb-load");
            loading.setDaemon(true);
            loading.start();
        }
    }

    /**
     * Waits (up to {@code seconds}) for a load begun by {@link #loadSoon}: called before the process
     * exits, so an exit never cuts the driver's unpacking short and leaves its half-written
     * temporary file behind (it is deleted at exit only once complete).
     */
    public static void awaitLoad(long seconds) throws InterruptedException {
        Thread thread = loading;
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(seconds));
        }
    }

    private static void load() {
        try {
            for (String engineClass : ENGINE_CLASSES) {
                Class.forName(engineClass, true, DuckDbEngine.class.getClassLoader());
            }
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            // the first connection loads it again and reports what is wrong where it is needed
        }
    }

    /** The engine version, e.g. {@code v2.0.0}, or {@code unknown} if the engine cannot start. */
    public static String version() {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version()")) {
            return rows.next() ? rows.getString(1) : "unknown";
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
