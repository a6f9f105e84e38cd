package dev.arbiter.importers.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The import floor of issue 22: bare DuckDB loading a file into a new database with
 * {@code CREATE TABLE t AS SELECT * FROM read_csv(FILE)} (or {@code read_parquet}), run as its own
 * process by a small JDBC client: {@code java -cp arbiter.jar dev.arbiter.importers.bench.ImportFloor
 * FILE NEW.duckdb}.
 */
public final class ImportFloor {
    private ImportFloor() {
    }

    public static void main(String[] args) throws SQLException {
        String reader = args[0].endsWith(".parquet") ? "read_parquet" : "read_csv";
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + args[1]);
             PreparedStatement statement = connection.prepareStatement("CREATE TABLE t AS SELECT * FROM " + reader + "(?)")) {
            statement.setString(1, args[0]);
            statement.execute();
        }
    }
}
