package dev.arbiter.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.importers.ingest.ColumnInfo;
import dev.arbiter.importers.ingest.DatasetCatalog;
import dev.arbiter.importers.ingest.DatasetCatalog.DatasetInfo;
import dev.arbiter.importers.ingest.DatasetCatalog.ImportRecord;
import dev.arbiter.importers.ingest.DatasetCatalog.RejectedRow;
import dev.arbiter.importers.workspace.Access;
import dev.arbiter.importers.workspace.Workspace;
import dev.arbiter.importers.workspace.WorkspaceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code arbiter datasets}: what a workspace holds. */
@Command(name = "datasets", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"List the datasets in a workspace: rows, columns, roles and source files.",
                "With --rejects: the rows imports rejected, with their file, line, column and reason."})
final class DatasetsCommand implements Callable<Integer> {
    @Option(names = "--workspace", paramLabel = "W.arbiter", required = true, description = "The workspace file.")
    private Path workspace;

    @Option(names = "--json", description = "Print JSON (keys documented in docs/cli.md).")
    private boolean json;

    @Option(names = "--rejects", description = "List the rejected rows instead: file, line, column, reason and the raw text.")
    private boolean rejects;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000",
            description = "With --rejects: at most N rows (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws WorkspaceException {
        if (rejects) {
            return listRejects();
        }
        List<DatasetInfo> datasets;
        try (Workspace open = Workspace.open(workspace, Access.READ)) {
            datasets = new DatasetCatalog(open).datasets();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? Json.write(toJson(datasets)) : describe(datasets));
        return 0;
    }

    private int listRejects() throws WorkspaceException {
        List<RejectedRow> rows;
        try (Workspace open = Workspace.open(workspace, Access.READ)) {
            rows = new DatasetCatalog(open).rejects(Math.max(0, limit));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? Json.write(rejectsJson(rows)) : describeRejects(rows));
        return 0;
    }

    private ObjectNode rejectsJson(List<RejectedRow> rows) {
        ObjectNode root = Json.object();
        root.put("workspace", workspace.toAbsolutePath().toString());
        ArrayNode list = root.putArray("rejects");
        for (RejectedRow row : rows) {
            ObjectNode node = list.addObject().put("importId", row.importId()).put("file", row.fileName());
            if (row.line() == null) {
                node.putNull("line");
            } else {
                node.put("line", row.line());
            }
            node.put("column", row.column()).put("rawText", row.rawText()).put("reason", row.reason());
        }
        return root;
    }

    private String describeRejects(List<RejectedRow> rows) {
        if (rows.isEmpty()) {
            return "No rejected rows in " + workspace + ".";
        }
        StringBuilder text = new StringBuilder();
        for (RejectedRow row : rows) {
            text.append(row.fileName()).append(row.line() == null ? "" : ":" + row.line())
                    .append(row.column() == null ? "" : " (" + row.column() + ")").append(": ").append(row.reason())
                    .append(row.rawText() == null ? "" : "\n    " + row.rawText()).append('\n');
        }
        return text.append(rows.size() == limit ? "(the first " + limit + "; --limit N shows more)" : "")
                .toString().stripTrailing();
    }

    private ObjectNode toJson(List<DatasetInfo> datasets) {
        ObjectNode root = Json.object();
        root.put("workspace", workspace.toAbsolutePath().toString());
        ArrayNode list = root.putArray("datasets");
        for (DatasetInfo dataset : datasets) {
            ObjectNode node = list.addObject();
            node.put("name", dataset.name());
            node.put("rows", dataset.rows());
            ArrayNode columns = node.putArray("columns");
            dataset.columns().forEach(c -> columns.addObject().put("name", c.name()).put("type", c.type()));
            ObjectNode roles = node.putObject("roles");
            dataset.roles().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(r -> roles.put(r.getKey().key(), r.getValue()));
            ArrayNode sources = node.putArray("sources");
            for (ImportRecord record : dataset.imports()) {
                sources.addObject().put("importId", record.importId()).put("file", record.fileName())
                        .put("path", record.filePath()).put("sha256", record.sha256()).put("format", record.format())
                        .put("rowsRead", record.rowsRead()).put("rowsLoaded", record.rowsLoaded())
                        .put("rowsRejected", record.rowsRejected()).put("duplicatesDropped", record.duplicatesDropped())
                        .put("importedAt", record.finishedAt().toString());
            }
        }
        return root;
    }

    private String describe(List<DatasetInfo> datasets) {
        if (datasets.isEmpty()) {
            return "No datasets in " + workspace + " yet: import one with 'arbiter import FILE --workspace " + workspace + "'.";
        }
        NumberFormat count = NumberFormat.getIntegerInstance(Locale.US);
        StringBuilder text = new StringBuilder();
        for (DatasetInfo dataset : datasets) {
            text.append(dataset.name()).append(": ").append(count.format(dataset.rows())).append(" rows, ")
                    .append(dataset.columns().size()).append(" columns\n");
            text.append("  columns: ").append(String.join(", ", dataset.columns().stream().map(ColumnInfo::name).toList()))
                    .append('\n');
            text.append("  roles:   ").append(String.join(", ", dataset.roles().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(r -> r.getKey().key() + "=" + r.getValue()).toList())).append('\n');
            for (ImportRecord record : dataset.imports()) {
                text.append("  from:    ").append(record.fileName()).append(" (").append(count.format(record.rowsLoaded()))
                        .append(" loaded, ").append(count.format(record.rowsRejected())).append(" rejected, sha256 ")
                        .append(record.sha256(), 0, 12).append("…)\n");
            }
        }
        return text.toString().stripTrailing();
    }
}
