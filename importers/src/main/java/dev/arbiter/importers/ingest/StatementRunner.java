package dev.arbiter.importers.ingest;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBPreparedStatement;
import org.duckdb.QueryProgress;

/**
 * Runs one long DuckDB statement while a daemon thread polls its progress, and lets the monitor
 * cancel it ({@code Statement.cancel()}).
 */
final class StatementRunner {
    private static final long POLL_MILLIS = 150;

    private StatementRunner() {
    }

    static void execute(PreparedStatement statement, ImportMonitor monitor) throws SQLException {
        DuckDBPreparedStatement duck = statement.unwrap(DuckDBPreparedStatement.class);
        monitor.onCancel(() -> cancelQuietly(statement));
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "arbiter-import-progress");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleAtFixedRate(() -> report(duck, monitor), POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        try {
            statement.execute();
        } finally {
            poller.shutdownNow();
        }
    }

    private static void report(DuckDBPreparedStatement statement, ImportMonitor monitor) {
        try {
            QueryProgress progress = statement.getQueryProgress();
            double percentage = progress.getPercentage();
            monitor.progress(percentage < 0 ? -1 : Math.min(1, percentage / 100), progress.getRowsProcessed());
        } catch (SQLException | RuntimeException e) {
            // the statement finished between polls
        }
    }

    private static void cancelQuietly(PreparedStatement statement) {
        try {
            statement.cancel();
        } catch (SQLException e) {
            // already finished or closed: nothing left to stop
        }
    }
}
