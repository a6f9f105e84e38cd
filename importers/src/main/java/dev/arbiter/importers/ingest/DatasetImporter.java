package dev.arbiter.importers.ingest;

import dev.arbiter.importers.Sql;
import dev.arbiter.importers.workspace.Access;
import dev.arbiter.importers.workspace.Workspace;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Imports one export into a workspace dataset, all or nothing: everything (the data, the
 * rejected rows, the log row and the roles) is written in one transaction, so a failed,
 * cancelled or killed import leaves the workspace exactly as it was. DuckDB's own readers parse
 * the files; malformed CSV and JSON-lines rows are kept in {@code arbiter_rejects} with their
 * line and reason, so loaded + rejected (+ duplicates dropped) = rows in the file.
 */
public final class DatasetImporter {
    /** Sources whose reading started ahead of their import ({@link #readAhead}), by the text that named them. */
    private static final Map<String, Prepared> READ_AHEAD = new ConcurrentHashMap<>();
    private final Workspace workspace;

    public DatasetImporter(Workspace workspace) {
        if (workspace.access() != Access.IMPORT) {
            throw new IllegalArgumentException("open the workspace with Access.IMPORT to import into it");
        }
        this.workspace = workspace;
    }

    /**
     * Imports {@code given} (a file, a folder or a glob). A CSV line longer than DuckDB's default
     * limit (2 MB, e.g. a long prompt) makes the import start again with a 64 MB limit, which is
     * slower for every file and so not the default.
     */
    public ImportReport importSource(String given, ImportOptions options, ImportMonitor monitor) throws ImportException {
        return importSource(prepare(given), options, monitor);
    }

    /**
     * A source found ({@code given}: a file, a folder or a glob) and its files' checks started on
     * another thread ({@link SourceChecks}), before any workspace is open: a command line that
     * prepares its source first has the file read while the JVM and the workspace start.
     */
    public record Prepared(Source source, SourceChecks checks) {
    }

    /**
     * Finds the source {@code given} names and starts reading its files (or takes over the reading
     * {@link #readAhead} started for the same text); refuses one that does not exist or cannot be read.
     */
    public static Prepared prepare(String given) throws ImportException {
        Prepared ahead = READ_AHEAD.remove(given);
        return ahead != null ? ahead : started(given);
    }

    /**
     * Starts reading {@code given}'s files before it is known that they will be imported: a command
     * line guesses its first file before its options are parsed (picocli's model takes ~0.2 s), and
     * its {@link #prepare} of the same text takes the reading over. A guess no import asks for costs
     * only the reading; one that cannot be read is dropped here and reported by the import itself.
     */
    public static void readAhead(String given) {
        if (READ_AHEAD.containsKey(given)) {
            return;
        }
        try {
            READ_AHEAD.put(given, started(given));
        } catch (ImportException e) {
            // the import names what is wrong when it gets there
        }
    }

    /** Drops the readings started ahead that no import took over (the command that started them is done). */
    public static void forgetReadAhead() {
        READ_AHEAD.clear();
    }

    /** Whether a reading of {@code given} started ahead waits to be taken over (for tests). */
    static boolean isReadAhead(String given) {
        return READ_AHEAD.containsKey(given);
    }

    private static Prepared started(String given) throws ImportException {
        Source source = SourceSniffer.detect(given);
        return new Prepared(source, SourceChecks.start(source));
    }

    /** Imports a prepared source, as {@link #importSource(String, ImportOptions, ImportMonitor)}. */
    public ImportReport importSource(Prepared prepared, ImportOptions options, ImportMonitor monitor) throws ImportException {
        Instant started = Instant.now();
        Source source = prepared.source();
        String dataset = DatasetNames.of(options.dataset(), source);
        try {
            return attempt(source, dataset, options, monitor, prepared.checks(), started, false);
        } catch (ImportException e) {
            if (source.format() != SourceFormat.CSV || !e.getMessage().contains("Maximum line size")) {
                throw e;
            }
            return attempt(source, dataset, options, monitor, prepared.checks(), started, true);
        }
    }

    private ImportReport attempt(Source source, String dataset, ImportOptions options, ImportMonitor monitor,
                                 SourceChecks checks, Instant started, boolean longLines) throws ImportException {
        try (Connection connection = workspace.newConnection()) {
            connection.setAutoCommit(false);
            try {
                return new Run(connection, source, dataset, options, monitor, checks, started, longLines,
                        new PhaseTimer()).loadAndCommit();
            } catch (SQLException | ImportException | IOException | RuntimeException e) {
                connection.rollback();
                throw translate(e, source, monitor);
            }
        } catch (SQLException e) {
            throw translate(e, source, monitor);
        }
    }

    private static ImportException translate(Exception e, Source source, ImportMonitor monitor) {
        if (monitor.isCancelled()) {
            return new ImportCancelledException(source.displayName());
        }
        if (e instanceof ImportException importError) {
            return importError;
        }
        return describe(e, source);
    }

    private static ImportException describe(Exception e, Source source) {
        if (e instanceof SQLException sqlError) {
            return new ImportException(DuckDbErrors.describe(source.displayName(), sqlError), sqlError);
        }
        if (e instanceof IOException ioError) {
            return new ImportException(source.displayName() + ": cannot be read (" + ioError.getMessage() + ")", ioError);
        }
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return new ImportException(source.displayName() + ": " + cause.getMessage(), cause);
    }

    /** One import's state while it runs inside its transaction. */
    private static final class Run {
        private final Connection connection;
        private final Source source;
        private final String given;
        private String dataset;
        private final ImportOptions options;
        private final ImportMonitor monitor;
        private final SourceChecks checks;
        private final Instant started;
        private final boolean longLines;
        private final PhaseTimer timer;
        private final List<String> warnings = new ArrayList<>();
        private long rowIdOffset;
        /** Text columns read as numbers whose stray values are loaded empty (--bad-values null); else empty. */
        private Map<String, ColumnInfo> suspects = Map.of();

        Run(Connection connection, Source source, String dataset, ImportOptions options, ImportMonitor monitor,
            SourceChecks checks, Instant started, boolean longLines, PhaseTimer timer) {
            this.connection = connection;
            this.source = source;
            this.given = dataset;
            this.dataset = dataset;
            this.options = options;
            this.monitor = monitor;
            this.checks = checks;
            this.started = started;
            this.longLines = longLines;
            this.timer = timer;
        }

        /** Loads, then commits unless the CSV ends inside a quote or the user cancelled. */
        ImportReport loadAndCommit() throws SQLException, ImportException, IOException {
            ImportReport report = load();
            checks.refuseUnclosedQuote();
            if (monitor.isCancelled()) {
                throw new ImportCancelledException(source.displayName());
            }
            connection.commit();
            timer.mark("commit");
            return report;
        }

        private ImportReport load() throws SQLException, ImportException, IOException {
            long importId = ImportLog.nextImportId(connection);
            Tables.execute(connection, "SET preserve_insertion_order = false");
            boolean exists = findDataset();
            Opened opened = open(exists);
            List<ColumnInfo> columns = opened.columns();
            Map<Role, String> roles = roles(columns);
            rowIdOffset = rowIdOffset(exists);
            String select = selectList(opened.reader(), columns, RoleDetector.detect(source.format(), columns), roles);
            timer.mark("privacy");
            Counts counts = loadRows(opened.reader(), select, roles.get(Role.EVENT_ID), importId, columns.isEmpty(), exists);
            timer.mark("counts and rejects");
            Fingerprint print = check(roles);
            return finish(importId, print, counts, roles);
        }

        /** The last row id the dataset has when rows are appended to it, so the new rows' ids continue it. */
        private long rowIdOffset(boolean exists) throws SQLException {
            String column = options.added().rowIdColumn();
            if (column == null || !exists || options.mode() != ImportOptions.Mode.APPEND
                    || Tables.columns(connection, dataset).stream().noneMatch(c -> c.name().equals(column))) {
                return 0;
            }
            try (var statement = connection.createStatement();
                 var result = statement.executeQuery("SELECT coalesce(max(" + Sql.identifier(column) + "), 0) FROM "
                         + Sql.identifier(dataset))) {
                result.next();
                return result.getLong(1);
            }
        }

        /** Finds the dataset the import goes to, in its existing spelling; returns whether it exists. */
        private boolean findDataset() throws SQLException, ImportException {
            Optional<String> existing = Tables.existingName(connection, given);
            dataset = existing.orElse(given);
            checkMode(existing.isPresent());
            return existing.isPresent();
        }

        /** The source as a relation and its columns (read with the dataset's types when a CSV is appended). */
        private record Opened(SourceRelation reader, List<ColumnInfo> columns) {
        }

        private Opened open(boolean exists) throws SQLException, ImportException, IOException {
            boolean pad = options.rows().padShortRows();
            SourceRelation reader = SourceRelation.open(connection, source, warnings, longLines, List.of(), pad);
            ColumnPrivacy.keepSample(connection, reader); // the first rows, read once: the columns and every measure
            List<ColumnInfo> columns = Tables.describeTemp(connection, ColumnPrivacy.SAMPLE_TABLE);
            timer.mark("sample");
            refuseAddedClash(columns);
            List<ColumnInfo> types = readTypes(columns, exists);
            if (!types.isEmpty()) {
                reader = SourceRelation.open(connection, source, warnings, longLines, types, pad);
            }
            if (options.added().fileColumn() != null) {
                reader = reader.withFileColumn(connection, source, options.added());
            }
            if (!types.isEmpty() || options.added().fileColumn() != null) {
                columns = Tables.describe(connection, reader); // each describe of a CSV sniffs it again (~0.1 s)
            }
            checkColumns(columns);
            if (options.rows().nullBadNumbers()) {
                warnings.addAll(NumericSuspects.describeNulled(connection, reader, suspects));
            }
            timer.mark("describe");
            return new Opened(reader, columns);
        }

        /**
         * The types a CSV is read with instead of the sniffed ones: a dataset's when appending, and the
         * numeric columns with a stray word (read as numbers, so the reader rejects the row with its
         * line; or, under --bad-values null, read as text and cast here, the stray value empty).
         */
        private List<ColumnInfo> readTypes(List<ColumnInfo> columns, boolean exists) throws SQLException {
            suspects = NumericSuspects.find(connection, ColumnPrivacy.SAMPLE_TABLE, columns, notNumeric(columns));
            timer.mark("numeric suspects");
            List<ColumnInfo> types = new ArrayList<>(typesToAppendTo(columns, exists));
            if (source.format() == SourceFormat.CSV && !options.rows().nullBadNumbers()) {
                suspects.values().stream().filter(s -> types.stream().noneMatch(t -> t.name().equals(s.name()))).forEach(types::add);
                suspects = Map.of();
            } else if (source.format() == SourceFormat.CSV && types.isEmpty()) {
                // the reader would reject a stray value in a column it typed as a number: read those as text
                Map<String, ColumnInfo> all = new LinkedHashMap<>(suspects);
                columns.stream().filter(ColumnInfo::isNumeric).forEach(c -> all.put(c.name(), c));
                all.keySet().forEach(name -> types.add(new ColumnInfo(name, "VARCHAR")));
                suspects = all;
            }
            return types;
        }

        /** Columns never read as numbers however they look: ids, arms, models and free text, detected or mapped. */
        private Set<String> notNumeric(List<ColumnInfo> columns) {
            RoleDetector.Detection detection = RoleDetector.detect(source.format(), columns);
            Set<String> skip = new HashSet<>(detection.textColumns());
            Map<Role, String> all = new EnumMap<>(Role.class);
            all.putAll(detection.roles());
            all.putAll(options.roles());
            all.forEach((role, column) -> {
                if (role.kind() == Role.Kind.ANY || role.kind() == Role.Kind.TEXT) {
                    skip.add(column);
                }
            });
            return skip;
        }

        /** Refuses a file or row-id column whose name the source already has: it would hide the source's own. */
        private void refuseAddedClash(List<ColumnInfo> columns) throws ImportException {
            AddedColumns added = options.added();
            for (String[] option : new String[][] {{"--file-column", added.fileColumn()}, {"--row-id", added.rowIdColumn()}}) {
                if (option[1] != null && columns.stream().anyMatch(column -> column.name().equalsIgnoreCase(option[1]))) {
                    throw new ImportException(option[0] + " " + option[1] + ": " + source.displayName()
                            + " already has a column '" + option[1] + "'; choose another name");
                }
            }
        }

        /** Waits for the digest, refuses a re-import and adds the dataset's warnings; returns the digest. */
        private Fingerprint check(Map<Role, String> roles) throws SQLException, ImportException {
            Fingerprint print = checks.fingerprint();
            timer.mark("wait for SHA-256");
            refuseReimport(print);
            warnings.addAll(DatasetChecks.warnings(connection, dataset, Tables.columns(connection, dataset), roles));
            timer.mark("checks");
            return print;
        }

        /**
         * When a CSV is appended to a dataset, the dataset's types of the columns the file also has
         * (text columns aside), so that the reader rejects a value that does not fit (issue 19 #1).
         */
        private List<ColumnInfo> typesToAppendTo(List<ColumnInfo> columns, boolean exists) throws SQLException {
            if (source.format() != SourceFormat.CSV || options.mode() != ImportOptions.Mode.APPEND || !exists) {
                return List.of();
            }
            List<String> inFile = columns.stream().map(ColumnInfo::name).toList();
            return Tables.columns(connection, dataset).stream()
                    .filter(column -> inFile.contains(column.name()) && !column.type().equals("VARCHAR")).toList();
        }

        /** "an OTLP", "a LangSmith". */
        private static String article(String name) {
            return ("AEIOU".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
        }

        /** How many rows were read, loaded, rejected and dropped as duplicates. */
        private record Counts(long read, long loaded, long rejected, long duplicates) {
        }

        /**
         * Writes the rows into the dataset (created, appended or replaced) and counts them; refuses a
         * source that held no rows, or only rows without a single value (blank lines, an empty export).
         */
        private Counts loadRows(SourceRelation reader, String select, String eventId, long importId, boolean noColumns,
                                boolean exists) throws SQLException, ImportException {
            boolean append = exists && options.mode() == ImportOptions.Mode.APPEND;
            long before = append ? Tables.count(connection, dataset) : 0;
            long staged = write(reader, select, eventId, exists);
            timer.mark("load");
            long loaded = Tables.count(connection, dataset) - before;
            long rejected = reader.rejects(connection, importId, source.displayName());
            long duplicates = staged < 0 ? 0 : staged - loaded;
            long read = loaded + rejected + duplicates;
            refuseEmpty(read, loaded, append, noColumns);
            return new Counts(read, loaded, rejected, duplicates);
        }

        private void refuseEmpty(long read, long loaded, boolean append, boolean noColumns) throws SQLException, ImportException {
            if (read == 0) {
                throw new ImportException(source.displayName() + (source.format().isTrace()
                        ? " is " + article(source.format().title()) + " export with no LLM calls in it"
                        : " has no data rows" + (noColumns ? "" : " (only a header)")) + ": nothing to import");
            }
            if (loaded > 0 && !append && !Tables.hasARowWithAValue(connection, dataset)) {
                throw new ImportException(source.displayName() + " holds no data: its " + loaded + (loaded == 1 ? " row has"
                        : " rows have") + " no value in any column (blank lines, or an export without records)");
            }
        }

        private ImportReport finish(long importId, Fingerprint print, Counts counts, Map<Role, String> roles)
                throws SQLException {
            ImportReport report = new ImportReport(importId, source.displayName(), dataset, source.format(), print.sha256(),
                    counts.read(), counts.loaded(), counts.rejected(), counts.duplicates(),
                    Duration.between(started, Instant.now()).toMillis() / 1000.0, roles, warnings);
            ImportLog.writeRoles(connection, dataset, roles);
            ImportLog.writeImport(connection, report, source, print.sizeBytes(), options.mode().name().toLowerCase(Locale.ROOT),
                    ImportOptionsJson.describe(options, source), started, Instant.now());
            return report;
        }

        private void checkColumns(List<ColumnInfo> columns) throws ImportException, IOException {
            if (source.format() == SourceFormat.JSON && columns.size() == 1 && columns.get(0).name().equals("json")) {
                throw new ImportException(source.displayName() + JsonShape.whyNoColumns(source.files().get(0), source.gzip()));
            }
            if (source.format() == SourceFormat.CSV && source.files().size() == 1) {
                HeaderCheck.duplicates(source.files().get(0), source.gzip()).ifPresent(warnings::add);
            }
        }

        private Map<Role, String> roles(List<ColumnInfo> columns) throws ImportException {
            Map<Role, String> roles = new EnumMap<>(Role.class);
            if (!options.exactRoles()) {
                roles.putAll(RoleDetector.detect(source.format(), columns).roles());
            }
            for (Map.Entry<Role, String> mapped : options.roles().entrySet()) {
                requireColumn(columns, mapped.getKey(), mapped.getValue());
                roles.values().remove(mapped.getValue());
                roles.put(mapped.getKey(), mapped.getValue());
            }
            return roles;
        }

        private void requireColumn(List<ColumnInfo> columns, Role role, String column) throws ImportException {
            if (columns.stream().noneMatch(c -> c.name().equals(column))) {
                throw new ImportException("--map " + role.key() + "=" + column + ": " + source.displayName()
                        + " has no column '" + column + "' (columns: "
                        + String.join(", ", columns.stream().map(ColumnInfo::name).toList()) + ")");
            }
        }

        private String selectList(SourceRelation reader, List<ColumnInfo> columns, RoleDetector.Detection detection,
                                  Map<Role, String> roles) throws SQLException {
            List<ColumnPrivacy.Decision> decisions = ColumnPrivacy.decide(connection, ColumnPrivacy.SAMPLE_TABLE, query -> { },
                    columns, detection.textColumns(), roles, options);
            Map<String, ImportOptions.TextPolicy> policies = new HashMap<>();
            decisions.forEach(decision -> policies.put(decision.column(), decision.policy()));
            roles.values().removeIf(column -> policies.get(column) == ImportOptions.TextPolicy.DROP); // a dropped column has no role
            if (policies.containsValue(ImportOptions.TextPolicy.HASH)) {
                ColumnPrivacy.prepareKey(connection);
            }
            List<String> items = new ArrayList<>();
            for (ColumnInfo column : columns) {
                ImportOptions.TextPolicy policy = policies.getOrDefault(column.name(), ImportOptions.TextPolicy.KEEP);
                if (suspects.containsKey(column.name()) && !policies.containsKey(column.name())) {
                    items.add(NumericSuspects.nulled(suspects.get(column.name())));
                } else if (policy != ImportOptions.TextPolicy.DROP) {
                    items.add(ColumnPrivacy.stored(column.name(), policy, ColumnPrivacy.KEY_TABLE));
                }
            }
            warnPrivacy(decisions);
            if (options.added().rowIdColumn() != null) {
                items.add("row_number() OVER () + " + rowIdOffset + " AS " + Sql.identifier(options.added().rowIdColumn()));
            }
            return items.isEmpty() ? "NULL AS no_columns" : String.join(", ", items);
        }

        /** One warning per policy applied to free text, naming the columns. */
        private void warnPrivacy(List<ColumnPrivacy.Decision> decisions) {
            for (ImportOptions.TextPolicy policy : ImportOptions.TextPolicy.values()) {
                List<String> named = decisions.stream().filter(d -> d.policy() == policy).map(ColumnPrivacy.Decision::describe).toList();
                if (named.isEmpty()) {
                    continue;
                }
                String columnsWord = named.size() > 1 ? "s " : " ";
                warnings.add(switch (policy) {
                    case DROP -> "Free-text column" + columnsWord + String.join(", ", named) + " not stored (personal data); "
                            + "keep, hash or redact with --text COLUMN=keep|hash|redact, or --keep-text / --hash-text / --redact-text.";
                    case HASH -> "Free-text column" + columnsWord + String.join(", ", named)
                            + " stored as HMAC-SHA-256 keyed with this workspace's secret.";
                    case REDACT -> "Free-text column" + columnsWord + String.join(", ", named)
                            + " stored with e-mail addresses, phone, card and social-security numbers masked.";
                    case KEEP -> "Text column" + columnsWord + String.join(", ", named) + " stored as "
                            + (named.size() > 1 ? "they are" : "it is") + " (a label, or kept as asked).";
                });
            }
        }

        private void checkMode(boolean exists) throws ImportException {
            if (exists && options.mode() == ImportOptions.Mode.CREATE) {
                throw new ImportException(source.displayName() + ": dataset '" + given + "' already exists in this workspace"
                        + (dataset.equals(given) ? "" : " as '" + dataset + "' (dataset names ignore case)")
                        + ": use --append to add the rows or --replace to replace it");
            }
        }

        /** Writes the rows; returns the rows staged before de-duplication, or −1 when there was none. */
        private long write(SourceRelation reader, String select, String eventId, boolean exists) throws SQLException {
            ImportLog.clearCsvRejects(connection); // rows rejected while sampling are not this load's
            boolean append = exists && options.mode() == ImportOptions.Mode.APPEND;
            if (exists && options.mode() == ImportOptions.Mode.REPLACE) {
                Tables.execute(connection, "DROP TABLE " + Sql.identifier(dataset));
            }
            if (eventId == null) {
                insert(append, select, reader.relation(), reader);
                return -1;
            }
            run("CREATE TEMP TABLE arbiter_tmp_stage AS SELECT " + select + " FROM " + reader.relation(), reader);
            long staged = Tables.count(connection, "arbiter_tmp_stage");
            insert(append, "*", firstOfEachId(eventId, append), SourceRelation.staged());
            return staged;
        }

        /** The staged rows, one per event id (rows without an id are all kept), without the ids the dataset already has when appending. */
        private String firstOfEachId(String eventId, boolean append) {
            String id = Sql.identifier(eventId);
            return "(SELECT * FROM arbiter_tmp_stage QUALIFY " + id + " IS NULL OR row_number() OVER (PARTITION BY " + id + ") = 1)"
                    + (append ? " AS s WHERE NOT EXISTS (SELECT 1 FROM " + Sql.identifier(dataset) + " AS t WHERE t." + id
                    + " = s." + id + ")" : "");
        }

        private void insert(boolean append, String select, String from, SourceRelation reader) throws SQLException {
            String target = Sql.identifier(dataset);
            run(append ? "INSERT INTO " + target + " BY NAME SELECT " + select + " FROM " + from
                    : "CREATE TABLE " + target + " AS SELECT " + select + " FROM " + from, reader);
        }

        private void run(String sql, SourceRelation reader) throws SQLException {
            Tables.execute(connection, "SET enable_progress_bar = true");
            Tables.execute(connection, "SET enable_progress_bar_print = false");
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                reader.bind(statement);
                StatementRunner.execute(statement, monitor);
            }
        }

        private void refuseReimport(Fingerprint print) throws SQLException, ImportException {
            if (options.allowReimport() || options.mode() != ImportOptions.Mode.CREATE) {
                return;
            }
            var earlier = ImportLog.earlierImport(connection, print.sha256());
            if (earlier.isPresent()) {
                throw new AlreadyImportedException(source.displayName(), print.sha256(), earlier.get());
            }
        }
    }
}
