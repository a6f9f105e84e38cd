package dev.arbiter.app.cli;

import dev.arbiter.app.common.BuildInfo;
import dev.arbiter.importers.ingest.AddedColumns;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

    @Option(names = "--hash-text", description = "Store free-text columns as their HMAC-SHA-256, keyed with a secret "
            + "kept in the workspace (equal texts still match).")
    private boolean hashText;

    @Option(names = "--redact-text", description = "Store free-text columns with e-mail addresses, phone, card and "
            + "social-security numbers masked.")
    private boolean redactText;

    @Option(names = "--text", paramLabel = "COLUMN=POLICY", description = "What to store of one column: keep, hash, "
            + "redact or drop (over the options above and the default that keeps text columns with few distinct values).")
    private Map<String, String> columnPolicies = Map.of();

    @Option(names = "--file-column", paramLabel = "NAME", description = "Add a column NAME holding each row's source "
            + "file (its name without extensions, or its --file-label): the arm of eval runs saved one file per model.")
    private String fileColumn;

    @Option(names = "--file-label", paramLabel = "FILE=LABEL", description = "The value --file-column gives a file's "
            + "rows, e.g. --file-label xstest_v2_completions_llama2orig.csv=original (the name with or without extensions).")
    private Map<String, String> fileLabels = Map.of();

    @Option(names = "--row-id", paramLabel = "NAME", description = "Add a column NAME numbering the rows 1, 2, … "
            + "(continued when appending): a unit id for data whose rows are independent requests without one.")
    private String rowId;

    @Option(names = "--bad-values", paramLabel = "reject|null", description = "A stray word in a numeric column "
            + "(\"notanumber\" among latencies): reject its row with line and reason (default), or load the value empty "
            + "and count it (null). The column stays numeric either way.")
    private String badValues = "reject";

    @Option(names = "--pad-short-rows", description = "Load a CSV row with fewer fields than the header, its missing "
            + "fields empty (default: rejected with its line, like any malformed row).")
    private boolean padShortRows;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws WorkspaceException, ImportException {
        PrintWriter out = spec.commandLine().getOut();
        ImportOptions options = options();
        // the first file is read (digest, quotes) while the workspace opens, if not already (readAhead)
        DatasetImporter.Prepared first = DatasetImporter.prepare(files.get(0));
        try (Workspace open = openOrCreate(out)) {
            DatasetImporter importer = new DatasetImporter(open);
            for (int i = 0; i < files.size(); i++) {
                DatasetImporter.Prepared source = i == 0 ? first : DatasetImporter.prepare(files.get(i));
                ImportReport report = importer.importSource(source, options, ImportMonitor.NONE);
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

    /**
     * Starts reading the first FILE of {@code import ARGS} while picocli builds its model: the first
     * argument that is not an option and does not follow one (a value, or a FILE after a flag, is
     * skipped: a guess that misses only reads nothing ahead).
     */
    static void readAhead(String... args) {
        firstFile(args).ifPresent(DatasetImporter::readAhead);
    }

    /** The guess of {@link #readAhead}: in {@code import ARGS}, the first argument that is not an option and does not follow one. */
    static Optional<String> firstFile(String... args) {
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("-") && !args[i - 1].startsWith("-")) {
                return Optional.of(args[i]);
            }
        }
        return Optional.empty();
    }

    private Workspace openOrCreate(PrintWriter out) throws WorkspaceException {
        if (Files.exists(workspace)) {
            return Workspace.open(workspace, Access.IMPORT);
        }
        Workspace created = Workspace.create(workspace, BuildInfo.version(), Access.IMPORT);
        out.println("Created workspace " + workspace.toAbsolutePath());
        return created;
    }

    private ImportOptions options() {
        Map<Role, String> roles = new EnumMap<>(Role.class);
        mappings.forEach((role, column) -> roles.put(Role.fromKey(role), column));
        ImportOptions.Mode chosen = mode == null ? ImportOptions.Mode.CREATE
                : mode.append ? ImportOptions.Mode.APPEND : ImportOptions.Mode.REPLACE;
        if ((keepText ? 1 : 0) + (hashText ? 1 : 0) + (redactText ? 1 : 0) > 1) {
            throw new IllegalArgumentException("choose one of --keep-text, --hash-text and --redact-text");
        }
        Map<String, ImportOptions.TextPolicy> perColumn = new LinkedHashMap<>();
        columnPolicies.forEach((column, policy) -> perColumn.put(column, ImportOptions.TextPolicy.fromKey(policy)));
        return ImportOptions.defaults().withDataset(dataset).withMode(chosen).withRoles(roles)
                .withTextPolicy(keepText ? ImportOptions.TextPolicy.KEEP : hashText ? ImportOptions.TextPolicy.HASH
                        : redactText ? ImportOptions.TextPolicy.REDACT : ImportOptions.TextPolicy.DROP)
                .withColumnPolicies(perColumn)
                .withAdded(new AddedColumns(fileColumn, fileLabels, rowId))
                .withRows(new ImportOptions.RowPolicy(nullBadValues(), padShortRows));
    }

    private boolean nullBadValues() {
        return switch (badValues.strip().toLowerCase(Locale.ROOT)) {
            case "reject" -> false;
            case "null" -> true;
            default -> throw new IllegalArgumentException("--bad-values " + badValues + ": use reject or null");
        };
    }
}
