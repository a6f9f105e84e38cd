package dev.arbiter.importers.statistics;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;

/** Cancel stops a query that would run for a minute, and refuses new connections (issue 19 #5). */
class CancellableConnectionsTest {
    @Test
    void cancelStopsTheRunningQuery() throws Exception {
        try (Connection root = DriverManager.getConnection("jdbc:duckdb:")) {
            CancellableConnections connections = new CancellableConnections(((DuckDBConnection) root)::duplicate);
            CompletableFuture<Long> query = CompletableFuture.supplyAsync(() -> {
                try (Connection connection = connections.open(); Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT count(DISTINCT hash(range * 7)) FROM range(400000000)")) {
                    rows.next();
                    return rows.getLong(1);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(500);
            long start = System.nanoTime();
            connections.cancel();
            ExecutionException stopped = assertThrows(ExecutionException.class, () -> query.get(30, TimeUnit.SECONDS));
            assertTrue(stopped.getCause().getCause() instanceof SQLException, String.valueOf(stopped.getCause()));
            assertTrue((System.nanoTime() - start) / 1e9 < 30, "stopped within seconds");
            assertThrows(SQLException.class, connections::open, "no new work after Cancel");
        }
    }
}
