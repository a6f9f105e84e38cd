package dev.arbiter.importers.workspace;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/** Facts about the embedded DuckDB engine, for the About dialog and reports; and loading it early. */
public final class DuckDbEngine {
    /** The class whose initialization unpacks and loads DuckDB's native library (~70 MB, from the driver's jar). */
    private static final String NATIVE_CLASS = "org.duckdb.DuckDBNative";
    private static volatile Thread loading;

    private DuckDbEngine() {
    }

    /**
     * Starts loading the native engine on a daemon thread, so a command that will open a workspace
     * does not wait for it after parsing its arguments: the driver unpacks its library to a temporary
     * file and loads it at first use (~0.3 s of a command's start-up, docs/benchmarks.md).
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
            Class.forName(NATIVE_CLASS, true, DuckDbEngine.class.getClassLoader());
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
