package dev.arbiter.importers.statistics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL text with its parameters in order, built piece by piece so that every value goes in as a
 * {@code ?} next to the place it is used. Names go in only through {@link dev.arbiter.importers.Sql#identifier}.
 */
public final class SqlQuery {
    private final StringBuilder text = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    /** Appends SQL text (never a user-provided value). */
    public SqlQuery sql(String fragment) {
        text.append(fragment);
        return this;
    }

    /** Appends a {@code ?} bound to {@code value}. */
    public SqlQuery value(Object value) {
        text.append('?');
        parameters.add(value);
        return this;
    }

    /** Appends {@code (?, ?, ...)}, one parameter per value. */
    public SqlQuery values(List<?> values) {
        text.append('(');
        for (int i = 0; i < values.size(); i++) {
            text.append(i == 0 ? "" : ", ");
            value(values.get(i));
        }
        text.append(')');
        return this;
    }

    /** Appends another query's text and parameters. */
    public SqlQuery append(SqlQuery other) {
        text.append(other.text);
        parameters.addAll(other.parameters);
        return this;
    }

    public String text() {
        return text.toString();
    }

    public List<Object> parameters() {
        return List.copyOf(parameters);
    }

    /** A prepared statement with every parameter bound; the caller closes it. */
    public PreparedStatement prepare(Connection connection) throws SQLException {
        if (Boolean.getBoolean("arbiter.profile.sql")) {
            System.err.println("SQL: " + this);
        }
        PreparedStatement statement = connection.prepareStatement(text());
        try {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    /** Reads one row of a query's result. */
    @FunctionalInterface
    public interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /** Runs the query and hands each row of its result to {@code reader}. */
    public void forEachRow(Connection connection, RowReader reader) throws SQLException {
        try (PreparedStatement statement = prepare(connection); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                reader.read(rows);
            }
        }
    }

    @Override
    public String toString() {
        return text() + " -- " + parameters;
    }
}
