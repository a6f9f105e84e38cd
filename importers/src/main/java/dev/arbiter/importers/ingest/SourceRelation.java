package dev.arbiter.importers.ingest;

import dev.arbiter.importers.JsonMessages;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.importers.Sql;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Map;

/**
 * The relation an import reads from: a DuckDB reader call with the location bound as a parameter
 * ({@code read_csv(?)}, {@code read_parquet(?)}, {@code read_json(?)}), or a temporary table of
 * flattened trace rows; and how its rejected rows reach {@code arbiter_rejects}.
 */
final class SourceRelation {
    /** Copies the rejected rows into the workspace; returns how many rows were rejected. */
    @FunctionalInterface
    interface Rejects {
        long copy(Connection connection, long importId, String file) throws SQLException;
    }

    private static final String FILE_LABELS = "arbiter_tmp_file_labels";
    private static final Rejects NONE = (connection, importId, file) -> 0;

    private final String relation;
    private final String location;
    private final Rejects rejects;

    private SourceRelation(String relation, String location, Rejects rejects) {
        this.relation = relation;
        this.location = location;
        this.rejects = rejects;
    }

    static SourceRelation open(Connection connection, Source source, List<String> warnings, boolean longLines)
            throws SQLException, IOException, ImportException {
        return open(connection, source, warnings, longLines, List.of(), false);
    }

    /**
     * As {@link #open(Connection, Source, List, boolean)}, a CSV read with the given columns' types
     * (those of the dataset it is appended to), so that a value that does not fit its column is a
     * rejected row with its line rather than a failed import. Several CSV files are read as one
     * table of the first file's columns: DuckDB keeps rejected rows only without {@code union_by_name}.
     * A CSV row with fewer fields than the header is rejected unless {@code padShortRows}.
     */
    static SourceRelation open(Connection connection, Source source, List<String> warnings, boolean longLines,
                               List<ColumnInfo> csvTypes, boolean padShortRows) throws SQLException, IOException, ImportException {
        boolean many = source.files().size() > 1;
        return switch (source.format()) {
            case CSV -> new SourceRelation("read_csv(?, " + ImportLog.csvRejectOptions(longLines) + types(csvTypes)
                    + (padShortRows ? ", null_padding = true" : "") + ")",
                    source.location(), ImportLog::copyCsvRejects);
            case PARQUET -> new SourceRelation("read_parquet(?" + (many ? ", union_by_name = true" : "") + ")", source.location(), NONE);
            case JSON -> json(source);
            case LANGFUSE, LANGSMITH, OTLP -> traces(connection, source, warnings);
        };
    }

    /** {@code , types = {'name': 'TYPE', ...}} for read_csv, or nothing; names as quoted SQL text. */
    private static String types(List<ColumnInfo> columns) {
        if (columns.isEmpty()) {
            return "";
        }
        return ", types = {" + columns.stream().map(column -> Sql.text(column.name()) + ": " + Sql.text(column.type()))
                .collect(Collectors.joining(", ")) + "}";
    }

    /**
     * This relation with a column naming each row's source file ({@link AddedColumns#labelOf}): the
     * reader's own {@code filename} column, joined to a table of the files' labels so that no name
     * or label is written into the SQL. Trace rows carry their file already.
     */
    SourceRelation withFileColumn(Connection connection, Source source, AddedColumns added) throws SQLException {
        Tables.execute(connection, "CREATE OR REPLACE TEMP TABLE " + FILE_LABELS + " (file VARCHAR, label VARCHAR)");
        String column = Sql.identifier(added.fileColumn());
        if (location == null) {
            labelFiles(connection, source.files().stream().map(file -> file.getFileName().toString()).toList(), source, added);
            return new SourceRelation("(SELECT c.* EXCLUDE (" + TraceTable.SOURCE_FILE + "), l.label AS " + column + " FROM "
                    + TraceTable.NAME + " AS c JOIN " + FILE_LABELS + " AS l ON l.file = c." + TraceTable.SOURCE_FILE + ")",
                    null, rejects);
        }
        List<String> read = new ArrayList<>();
        try (PreparedStatement glob = connection.prepareStatement("SELECT file FROM glob(?)")) {
            glob.setString(1, location);
            try (var files = glob.executeQuery()) {
                while (files.next()) {
                    read.add(files.getString(1));
                }
            }
        }
        labelFiles(connection, read, source, added);
        String reader = relation.substring(0, relation.length() - 1) + ", filename = " + Sql.text(added.fileColumn()) + ")";
        return new SourceRelation("(SELECT r.* REPLACE (l.label AS " + column + ") FROM " + reader + " AS r JOIN "
                + FILE_LABELS + " AS l ON l.file = r." + column + ")", location, rejects);
    }

    /** Fills the label table: each file as the reader names it → its label (a single file's, whatever the reader's path). */
    private static void labelFiles(Connection connection, List<String> read, Source source, AddedColumns added)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + FILE_LABELS + " VALUES (?, ?)")) {
            for (String file : read) {
                String shown = source.files().size() == 1 ? source.files().get(0).getFileName().toString() : file;
                insert.setString(1, file);
                insert.setString(2, added.labelOf(shown));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Reading back the de-duplication stage: no parameter, no rejects. */
    static SourceRelation staged() {
        return new SourceRelation("arbiter_tmp_stage", null, NONE);
    }

    String relation() {
        return relation;
    }

    /**
     * The relation to read the first rows from: a CSV read by one thread, which stops after its
     * first buffer and gives the file's first rows. The parallel reader fills a buffer per thread
     * first (0.1–0.2 s more on a large file) and, without insertion order, need not give the first
     * rows. The columns and their types are the sniffer's either way.
     */
    String firstRowsRelation() {
        return relation.startsWith("read_csv(") ? relation.substring(0, relation.length() - 1) + ", parallel = false)" : relation;
    }

    void bind(PreparedStatement statement) throws SQLException {
        if (location != null) {
            statement.setString(1, location);
        }
    }

    long rejects(Connection connection, long importId, String file) throws SQLException {
        return rejects.copy(connection, importId, file);
    }

    private static SourceRelation json(Source source) throws IOException {
        Path file = source.files().get(0);
        if (source.files().size() == 1 && JsonLinesCheck.isJsonLines(file, source.gzip())) {
            JsonLinesCheck.Result checked = JsonLinesCheck.check(file, source.gzip());
            String location = source.location();
            if (!checked.rejected().isEmpty()) {
                Path valid = JsonLinesCheck.validLines(file, source.gzip());
                valid.toFile().deleteOnExit();
                location = valid.toString();
            }
            return new SourceRelation("read_json(?, format = 'newline_delimited')", location,
                    (connection, importId, name) -> {
                        ImportLog.writeRejects(connection, importId, name, checked.rejected());
                        return checked.rejected().size();
                    });
        }
        return new SourceRelation("read_json(?, format = 'auto')", source.location(), NONE);
    }

    private static SourceRelation traces(Connection connection, Source source, List<String> warnings)
            throws SQLException, IOException, ImportException {
        List<LlmCall> calls = new ArrayList<>();
        Map<String, Integer> skipped = new LinkedHashMap<>();
        for (Path file : source.files()) {
            JsonNode root = parse(file);
            TraceReader.Flattened flattened = TraceReader.read(source.format(), root);
            flattened.calls().forEach(call -> calls.add(call.from(file.getFileName().toString())));
            flattened.skipped().forEach((kind, count) -> skipped.merge(kind, count, Integer::sum));
        }
        if (!skipped.isEmpty()) {
            warnings.add("Kept " + calls.size() + " model calls; skipped entries that are not model calls: " + skipped + ".");
        }
        int others = TraceTable.create(connection, calls);
        if (others > 0) {
            warnings.add(TraceTable.describeOthers(others) + ".");
        }
        return new SourceRelation(TraceTable.relation(), null, NONE);
    }

    private static JsonNode parse(Path file) throws IOException, ImportException {
        try {
            return JsonFields.MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new ImportException(file.getFileName() + ": invalid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + JsonMessages.plain(e), e);
        }
    }
}
