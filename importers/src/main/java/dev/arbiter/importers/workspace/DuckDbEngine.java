package dev.arbiter.importers.workspace;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Facts about the embedded DuckDB engine, for the About dialog and reports. */
public final class DuckDbEngine {
    private DuckDbEngine() {
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
