package dev.arbiter.importers.workspace;

import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;
import java.io.IOException;
import java.nio.file.Files;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Owns one Arbiter workspace: a single DuckDB database file with the extension
 * {@value #EXTENSION}. It is the only class that opens the file; every other connection is a
 * {@link DuckDBConnection#duplicate() duplicate} of its root connection, so instance options
 * are set once (see stack.md, "DuckDB facts"). The file opens in any DuckDB client.
 *
 * <p>Arbiter's own bookkeeping lives in tables prefixed {@code arbiter_}; imported datasets
 * are plain tables beside them.
 */
public final class Workspace implements AutoCloseable {
    /** The most memory DuckDB may use for a workspace, in MB (spilling to disk beyond it). */
    static final long MAX_ENGINE_MEMORY_MB = 4096;
    /** File extension of workspaces. */
    public static final String EXTENSION = ".arbiter";
    /** The workspace layout this code writes and reads. */
    public static final int FORMAT_VERSION = 1;
    static final String META_TABLE = "arbiter_meta";
    /** Part of the message when the file is still open in this process with other settings. */
    public static final String IN_USE = "in use";

    /** How long a write waits for the file while it is being read (here or by another program). */
    static final Duration WRITE_WAIT = Duration.ofSeconds(60);
    /** How long a read-only opening waits while another program writes to the file. */
    static final Duration READ_WAIT = Duration.ofSeconds(10);

    private final Path file;
    private final Access access;
    /** Held by a write while it swaps the read-only instance for a writable one; {@link #newConnection} waits. */
    private final ReentrantReadWriteLock swap = new ReentrantReadWriteLock();
    private volatile DuckDBConnection root;
    private Duration writeWait = WRITE_WAIT;

    private Workspace(Path file, Access access, DuckDBConnection root) {
        this.file = file;
        this.access = access;
        this.root = root;
    }

    /**
     * Creates a new, empty workspace file.
     *
     * @param file        where to create it; must not exist yet
     * @param createdWith the Arbiter version, recorded in the file
     */
    public static Workspace create(Path file, String createdWith) throws WorkspaceException {
        return create(file, createdWith, Access.ANALYSIS);
    }

    /**
     * Creates a new, empty workspace file, open with {@code access} ({@link Access#IMPORT} for a
     * command that creates a workspace to import into: one opening of the file instead of two).
     */
    public static Workspace create(Path file, String createdWith, Access access) throws WorkspaceException {
        if (access == Access.READ) {
            throw new IllegalArgumentException("a workspace is created writable");
        }
        Path target = file.toAbsolutePath();
        if (Files.exists(target)) {
            throw new WorkspaceException("Cannot create workspace " + target + ": the file already exists.");
        }
        if (target.getParent() != null && !Files.isDirectory(target.getParent())) {
            throw new WorkspaceException("Cannot create workspace " + target + ": folder "
                    + target.getParent() + " does not exist.");
        }
        Workspace workspace = new Workspace(target, access, connect(target, access));
        try {
            workspace.writeMetadata(createdWith);
            return workspace;
        } catch (SQLException e) {
            workspace.close();
            deleteQuietly(target);
            throw new WorkspaceException("Cannot create workspace " + target + ": " + e.getMessage(), e);
        }
    }

    /** Opens an existing workspace file for analysis (external file access disabled, configuration locked). */
    public static Workspace open(Path file) throws WorkspaceException {
        return open(file, Access.ANALYSIS);
    }

    /** Opens an existing workspace file with the given access, checking that it is one Arbiter can read. */
    public static Workspace open(Path file, Access access) throws WorkspaceException {
        Path target = file.toAbsolutePath();
        if (!Files.isRegularFile(target)) {
            throw new WorkspaceException("Cannot open workspace " + target + ": "
                    + (Files.isDirectory(target) ? "it is a folder, not a file." : "the file does not exist."));
        }
        // a reader waits while another program writes briefly (the app saving a decision)
        Workspace workspace = new Workspace(target, access, access == Access.READ
                ? WorkspaceLocks.waitFor(() -> connect(target, access), READ_WAIT, target) : connect(target, access));
        try {
            workspace.checkFormat();
            if (access == Access.IMPORT) {
                workspace.ensureSchema();
            }
            return workspace;
        } catch (WorkspaceException e) {
            workspace.close();
            throw e;
        }
    }

    /** The workspace file. */
    public Path file() {
        return file;
    }

    /** How this instance was opened. */
    public Access access() {
        return access;
    }

    /** A new connection to this workspace; the caller closes it. Waits while a {@link #write} runs. */
    public Connection newConnection() throws SQLException {
        swap.readLock().lock();
        try {
            return root.duplicate();
        } finally {
            swap.readLock().unlock();
        }
    }

    /** Tests: how long a write waits for the file (the default is {@link #WRITE_WAIT}). */
    Workspace writeWait(Duration wait) {
        this.writeWait = wait;
        return this;
    }

    /** Work done with a connection that may write. */
    @FunctionalInterface
    public interface Write<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} with a connection that may write. A workspace opened {@link Access#READ}
     * (the app's: other programs may read the file meanwhile) becomes writable for the write only:
     * its read-only instance is closed, the file opened for writing — waiting up to
     * {@link #WRITE_WAIT} while this program's running reads finish or another program reads it —
     * and reopened read-only afterwards. New connections wait meanwhile.
     */
    public <T> T write(Write<T> work) throws SQLException {
        if (access != Access.READ) {
            try (Connection connection = newConnection()) {
                return work.run(connection);
            }
        }
        swap.writeLock().lock();
        try {
            root = writable();
            try (Connection connection = root.duplicate()) {
                return work.run(connection);
            } finally {
                root.close();
                root = reopen(Access.READ);
            }
        } finally {
            swap.writeLock().unlock();
        }
    }

    /** The file opened for writing in place of the read-only instance; readable as before when it stays busy. */
    private DuckDBConnection writable() throws SQLException {
        root.close();
        try {
            return reopen(Access.ANALYSIS);
        } catch (SQLException busy) {
            root = reopen(Access.READ);
            throw busy;
        }
    }

    private DuckDBConnection reopen(Access as) throws SQLException {
        try {
            return WorkspaceLocks.waitFor(() -> connect(file, as), writeWait, file);
        } catch (WorkspaceException e) {
            throw new SQLException(e.getMessage(), e);
        }
    }

    /** Whether the workspace has a table called {@code name} (bookkeeping tables are created on first use). */
    public static boolean hasTable(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main' AND table_name = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        }
    }

    /** Reads what the workspace holds. */
    public WorkspaceSummary summary() throws WorkspaceException {
        try (Connection connection = newConnection()) {
            return new WorkspaceSummary(file, Integer.parseInt(meta(connection, "format_version")),
                    meta(connection, "created_with"), datasetNames(connection));
        } catch (SQLException | NumberFormatException e) {
            throw new WorkspaceException("Cannot read workspace " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        swap.writeLock().lock();
        try {
            root.close();
        } catch (SQLException e) {
            // Closing releases the file lock; a failure here leaves nothing to recover.
        } finally {
            swap.writeLock().unlock();
        }
    }

    /** Whether opening failed only because the file is in use (read here or elsewhere), so waiting may help. */
    static boolean inUse(WorkspaceException e) {
        String message = String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        return message.contains("Could not set lock") || message.contains("Conflicting lock")
                || message.contains("different configuration than existing connections");
    }

    private static DuckDBConnection connect(Path target, Access access) throws WorkspaceException {
        Properties properties = new Properties();
        properties.setProperty("memory_limit", memoryLimit());
        if (access == Access.READ) {
            properties.setProperty(DuckDBDriver.DUCKDB_READONLY_PROPERTY, "true");
        }
        if (access != Access.IMPORT) {
            properties.setProperty("enable_external_access", "false");
            properties.setProperty("lock_configuration", "true");
        }
        try {
            Connection connection = DriverManager.getConnection("jdbc:duckdb:" + target, properties);
            return connection.unwrap(DuckDBConnection.class);
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot open workspace " + target + ": " + describe(e), e);
        }
    }

    /**
     * DuckDB's memory limit: at most {@value #MAX_ENGINE_MEMORY_MB} MB, and at most 60% of the
     * machine's memory, so that an analysis too big for memory spills to the workspace's
     * {@code .tmp} folder instead of growing without bound (issue 19 #5); the system property
     * {@code arbiter.memory} (e.g. {@code 8GB}) sets another.
     */
    static String memoryLimit() {
        String given = System.getProperty("arbiter.memory");
        if (given != null && given.matches("\\d+(\\.\\d+)?\\s*[KMGT]i?B")) {
            return given;
        }
        long physical = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        long megabytes = Math.min(MAX_ENGINE_MEMORY_MB, Math.max(256, physical * 6 / 10 / (1024 * 1024)));
        return megabytes + "MB";
    }

    private void writeMetadata(String createdWith) throws SQLException {
        try (Connection connection = newConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE " + META_TABLE + " (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)");
            }
            WorkspaceSchema.create(connection);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + META_TABLE + " VALUES (?, ?)")) {
                putMeta(insert, "format_version", Integer.toString(FORMAT_VERSION));
                putMeta(insert, "created_with", Objects.requireNonNull(createdWith, "createdWith"));
                putMeta(insert, "created_at", Instant.now().toString());
            }
            connection.commit();
        }
    }

    private void ensureSchema() throws WorkspaceException {
        try (Connection connection = newConnection()) {
            WorkspaceSchema.create(connection);
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot prepare workspace " + file + " for import: " + e.getMessage(), e);
        }
    }

    private static void putMeta(PreparedStatement insert, String key, String value) throws SQLException {
        insert.setString(1, key);
        insert.setString(2, value);
        insert.executeUpdate();
    }

    private void checkFormat() throws WorkspaceException {
        String version;
        try (Connection connection = newConnection()) {
            version = meta(connection, "format_version");
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot open " + file + ": it is a DuckDB database but not an Arbiter "
                    + "workspace (no " + META_TABLE + " table).", e);
        }
        if (!Integer.toString(FORMAT_VERSION).equals(version)) {
            throw new WorkspaceException("Cannot open workspace " + file + ": it has format version " + version
                    + ", and this Arbiter reads version " + FORMAT_VERSION + ".");
        }
    }

    private static String meta(Connection connection, String key) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT value FROM " + META_TABLE + " WHERE key = ?")) {
            query.setString(1, key);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("metadata key '" + key + "' is missing");
                }
                return rows.getString(1);
            }
        }
    }

    private static List<String> datasetNames(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
                        + "AND table_name NOT LIKE 'arbiter\\_%' ESCAPE '\\' ORDER BY table_name");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static String describe(SQLException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("not a valid DuckDB database file") || message.contains("Invalid Input Error")
                || message.contains("The file is not a valid")) {
            return "it is not an Arbiter workspace (not a DuckDB database file).";
        }
        if (message.contains("Could not set lock") || message.contains("Conflicting lock")) {
            return "it is open in another program; close it there first "
                    + "(several programs can read a workspace at once, but not while one writes to it).";
        }
        if (message.contains("different configuration than existing connections")) {
            // the same file, still open in this process with other settings (a read that has not finished)
            return "it is still open in this program for another task (" + IN_USE + "); try again in a moment.";
        }
        return message;
    }

    private static void deleteQuietly(Path target) {
        try {
            Files.deleteIfExists(target);
            Files.deleteIfExists(target.resolveSibling(target.getFileName() + ".wal"));
        } catch (IOException e) {
            // best effort: the creation already failed and says so
        }
    }
}
