package dev.arbiter.importers.workspace;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Arbiter's bookkeeping tables inside a workspace; every name starts with {@code arbiter_}. */
public final class WorkspaceSchema {
    /** One row per import: what was read, from where, with which options and outcome. */
    public static final String IMPORTS = "arbiter_imports";
    /** Rows that could not be loaded, with where they were and why. */
    public static final String REJECTS = "arbiter_rejects";
    /** The column playing each role in a dataset (variant, user_id, latency, ...). */
    public static final String ROLES = "arbiter_roles";
    /** Secrets made for this workspace, e.g. the key free text is hashed with ({@code --hash-text}). */
    public static final String SECRETS = "arbiter_secrets";

    private static final List<String> TABLES = List.of(
            "CREATE TABLE IF NOT EXISTS " + IMPORTS + " (import_id BIGINT PRIMARY KEY, dataset VARCHAR NOT NULL, "
                    + "file_name VARCHAR NOT NULL, file_path VARCHAR NOT NULL, size_bytes BIGINT NOT NULL, "
                    + "sha256 VARCHAR NOT NULL, format VARCHAR NOT NULL, mode VARCHAR NOT NULL, rows_read BIGINT NOT NULL, "
                    + "rows_loaded BIGINT NOT NULL, rows_rejected BIGINT NOT NULL, duplicates_dropped BIGINT NOT NULL, "
                    + "options VARCHAR NOT NULL, warnings VARCHAR NOT NULL, started_at TIMESTAMPTZ NOT NULL, "
                    + "finished_at TIMESTAMPTZ NOT NULL)",
            "CREATE TABLE IF NOT EXISTS " + REJECTS + " (import_id BIGINT NOT NULL, file_name VARCHAR NOT NULL, "
                    + "line BIGINT, column_name VARCHAR, raw_text VARCHAR, reason VARCHAR NOT NULL)",
            "CREATE TABLE IF NOT EXISTS " + ROLES + " (dataset VARCHAR NOT NULL, role VARCHAR NOT NULL, "
                    + "column_name VARCHAR NOT NULL, PRIMARY KEY (dataset, role))",
            "CREATE TABLE IF NOT EXISTS " + SECRETS + " (name VARCHAR PRIMARY KEY, secret BLOB NOT NULL)");

    private WorkspaceSchema() {
    }

    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.execute(table);
            }
        }
    }
}
