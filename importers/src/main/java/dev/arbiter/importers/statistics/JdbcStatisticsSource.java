package dev.arbiter.importers.statistics;

import dev.arbiter.importers.Sql;
import dev.arbiter.importers.experiment.Assignments;
import dev.arbiter.importers.experiment.Experiment;
import dev.arbiter.importers.ingest.ColumnInfo;
import dev.arbiter.importers.ingest.DatasetCatalog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Statistics from any JDBC connection, in the SQL of a {@link SqlDialect}: the workspace's DuckDB
 * (the default), or another engine reached through its JDBC driver.
 */
public final class JdbcStatisticsSource implements StatisticsSource {
    /** Opens a connection to the engine holding the events; each call is closed after use. */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws SQLException;
    }

    private final Connections connections;
    private final SqlDialect dialect;
    private final String description;

    public JdbcStatisticsSource(Connections connections, SqlDialect dialect, String description) {
        this.connections = connections;
        this.dialect = dialect;
        this.description = description;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public List<ColumnInfo> columns(String dataset) throws SQLException {
        try (Connection connection = connections.open()) {
            return DatasetCatalog.columns(connection, dataset);
        }
    }

    @Override
    public long distinctValues(String dataset, String column, long atMost) throws SQLException {
        try (Connection connection = connections.open();
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM (SELECT DISTINCT "
                     + Sql.identifier(column) + " FROM " + Sql.identifier(dataset) + " LIMIT ?) d")) {
            query.setLong(1, atMost + 1);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Override
    public List<String> armValues(Experiment definition) throws SQLException {
        Assignments assignments = definition.file().assignments();
        String variant = Sql.identifier(assignments == null ? definition.variantColumn()
                : assignments.variantColumnOr(definition.variantColumn()));
        String dataset = assignments == null ? definition.dataset() : assignments.dataset();
        List<String> values = new ArrayList<>();
        try (Connection connection = connections.open();
             PreparedStatement query = connection.prepareStatement("SELECT DISTINCT CAST(" + variant + " AS VARCHAR) AS v FROM "
                     + Sql.identifier(dataset) + " WHERE " + variant + " IS NOT NULL ORDER BY v LIMIT 1000");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    @Override
    public ExperimentStatistics statistics(Experiment definition, List<ColumnInfo> columns, LocalDate asOf,
                                           int exposureDays) throws SQLException {
        try (Connection connection = connections.open()) {
            return new MetricQueries(definition, columns, dialect, asOf).withExposureDays(exposureDays).run(connection);
        }
    }

    @Override
    public DataNotes dataNotes(Experiment definition, List<ColumnInfo> columns, LocalDate asOf) throws SQLException {
        try (Connection connection = connections.open()) {
            return DataNotesQuery.run(connection, definition, columns, asOf);
        }
    }
}
