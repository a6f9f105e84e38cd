package dev.arbiter.app.cli;

import dev.arbiter.app.common.BuildInfo;
import dev.arbiter.importers.ingest.DatasetImporter;
import dev.arbiter.importers.ingest.ImportException;
import dev.arbiter.importers.ingest.ImportMonitor;
import dev.arbiter.importers.ingest.ImportOptions;
import dev.arbiter.importers.ingest.ImportReport;
import dev.arbiter.importers.ingest.Role;
import dev.arbiter.importers.workspace.Access;
import dev.arbiter.importers.workspace.Workspace;
import dev.arbiter.importers.workspace.WorkspaceException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code arbiter import}: files into a workspace, one summary line per file. */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Import exported events (CSV/TSV, .csv.gz, Parquet file/folder/glob, JSON lines or array, "
                + "Langfuse, LangSmith or OTLP JSON traces) into a workspace. Each file is all or nothing; rows that do not "
                + "fit are rejected with their line and reason (arbiter datasets --rejects).",
                "Creates the workspace if it does not exist."})
final class ImportCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files, folders or globs to import.")
    private List<String> files;

    @Option(names = "--workspace", paramLabel = "W.arbiter", required = true, description = "The workspace file.")
    private Path workspace;

    @Option(names = "--dataset", paramLabel = "NAME", description = "Dataset (table) name; default: from the file name.")
    private String dataset;

    static final class ModeChoice {
        @Option(names = "--append", description = "Add the rows to an existing dataset (also allows re-importing a file).")
        boolean append;

        @Option(names = "--replace", description = "Replace an existing dataset.")
        boolean replace;
    }

    @ArgGroup(exclusive = true)
    private ModeChoice mode;

    @Option(names = "--map", paramLabel = "ROLE=COLUMN", description = "Set a column's role, e.g. --map variant=bucket. "
            + "Roles: variant, user_id, session_id, request_id, trace_id, event_id, timestamp, model, latency, ttft, "
            + "tokens_in, tokens_out, cost, success, refusal, schema_valid, fallback, error, text.")
    private Map<String, String> mappings = Map.of();

    @Option(names = "--keep-text", description = "Store free-text columns (prompts, responses) as they are.")
    private boolean keepText;

    @Option(names = "--hash-text", description = "Store free-text columns as their SHA-256.")
    private boolean hashText;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws WorkspaceException, ImportException {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.exists(workspace)) {
            Workspace.create(workspace, BuildInfo.version()).close();
            out.println("Created workspace " + workspace.toAbsolutePath());
        }
        try (Workspace open = Workspace.open(workspace, Access.IMPORT)) {
            DatasetImporter importer = new DatasetImporter(open);
            ImportOptions options = options();
            for (String file : files) {
                ImportReport report = importer.importSource(file, options, ImportMonitor.NONE);
                out.println(report.summary());
                report.warnings().forEach(warning -> out.println("  warning: " + warning));
                out.flush();
                if (options.mode() == ImportOptions.Mode.CREATE || options.mode() == ImportOptions.Mode.REPLACE) {
                    options = options.dataset() == null ? options : options.withMode(ImportOptions.Mode.APPEND);
                }
            }
        }
        return 0;
    }

    private ImportOptions options() {
        Map<Role, String> roles = new EnumMap<>(Role.class);
        mappings.forEach((role, column) -> roles.put(Role.fromKey(role), column));
        ImportOptions.Mode chosen = mode == null ? ImportOptions.Mode.CREATE
                : mode.append ? ImportOptions.Mode.APPEND : ImportOptions.Mode.REPLACE;
        if (keepText && hashText) {
            throw new IllegalArgumentException("choose one of --keep-text and --hash-text");
        }
        return ImportOptions.defaults().withDataset(dataset).withMode(chosen).withRoles(roles)
                .withTextPolicy(keepText ? ImportOptions.TextPolicy.KEEP
                        : hashText ? ImportOptions.TextPolicy.HASH : ImportOptions.TextPolicy.DROP);
    }
}
