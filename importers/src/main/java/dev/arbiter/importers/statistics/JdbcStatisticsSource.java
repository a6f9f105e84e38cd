package dev.arbiter.importers.statistics;

import dev.arbiter.importers.Sql;
import dev.arbiter.importers.experiment.Assignments;
import dev.arbiter.importers.experiment.Experiment;
import dev.arbiter.importers.ingest.ColumnInfo;
import dev.arbiter.importers.ingest.Fingerprint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
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
    private final List<String> setup;
    private final boolean nearQuantilesOnly;

    public JdbcStatisticsSource(Connections connections, SqlDialect dialect, String description) {
        this(connections, dialect, description, List.of());
    }

    /** With {@code setup} statements run on each new connection after the dialect's (e.g. a view of the table). */
    public JdbcStatisticsSource(Connections connections, SqlDialect dialect, String description, List<String> setup) {
        this(connections, dialect, description, setup, dialect.tuning().nearQuantilesOnly());
    }

    private JdbcStatisticsSource(Connections connections, SqlDialect dialect, String description, List<String> setup,
                                 boolean nearQuantilesOnly) {
        this.connections = connections;
        this.dialect = dialect;
        this.description = description;
        this.setup = List.copyOf(setup);
        this.nearQuantilesOnly = nearQuantilesOnly;
    }

    /**
     * The same source for an engine across a network, whatever its dialect: quantiles bring back
     * only the values near them ({@link MetricQueries#withNearQuantilesOnly}), not every value's count.
     */
    public JdbcStatisticsSource acrossNetwork() {
        return new JdbcStatisticsSource(connections, dialect, description, setup, true);
    }

    /** A connection with the dialect's session settings made, speaking the dialect's words. */
    private Connection open() throws SQLException {
        Connection connection = connections.open();
        try {
            for (String setting : dialect.sessionSetup()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(setting);
                }
            }
            Connection translating = TranslatingConnection.wrap(connection, dialect);
            for (String statementText : setup) {
                try (Statement statement = translating.createStatement()) {
                    statement.execute(statementText);
                }
            }
            return translating;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public List<ColumnInfo> columns(String dataset) throws SQLException {
        try (Connection connection = open()) {
            return dialect.columns(connection, dataset);
        }
    }

    @Override
    public long distinctValues(String dataset, String column, long atMost) throws SQLException {
        try (Connection connection = open();
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM (SELECT DISTINCT "
                     + Sql.identifier(column) + " FROM " + Sql.identifier(dataset) + " LIMIT ?) d")) {
            query.setInt(1, (int) Math.min(Integer.MAX_VALUE, atMost + 1)); // a LIMIT is an INTEGER in Spark
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
        try (Connection connection = open();
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
        try (Connection connection = open()) {
            return new MetricQueries(definition, columns, dialect, asOf).withExposureDays(exposureDays)
                    .withNearQuantilesOnly(nearQuantilesOnly).run(connection);
        }
    }

    /** The dataset's rows and a fingerprint of its data, computed in the engine (one scan; only one row comes back). */
    public TableFingerprint fingerprint(String dataset) throws SQLException {
        try (Connection connection = open()) {
            String hash = dialect.rowHash(dialect.columns(connection, dataset));
            String table = Sql.identifier(dataset);
            String sql = hash == null ? "SELECT count(*) AS n FROM " + table
                    : "SELECT count(*) AS n, CAST(bit_xor(h) AS VARCHAR) AS x, CAST(sum(h % 1000003) AS VARCHAR) AS s"
                    + " FROM (SELECT " + hash + " AS h FROM " + table + ") hashed";
            try (PreparedStatement query = connection.prepareStatement(sql); ResultSet row = query.executeQuery()) {
                row.next();
                long rows = row.getLong("n");
                return new TableFingerprint(rows, hash == null ? null
                        : Fingerprint.ofTexts(List.of(Long.toString(rows), String.valueOf(row.getString("x")), String.valueOf(row.getString("s")))).substring(0, 16));
            }
        }
    }

    @Override
    public DataNotes dataNotes(Experiment definition, List<ColumnInfo> columns, LocalDate asOf) throws SQLException {
        try (Connection connection = open()) {
            return DataNotesQuery.run(connection, definition, columns, asOf);
        }
    }
}
