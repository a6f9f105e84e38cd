package dev.arbiter.app.cli;

import dev.arbiter.importers.result.AnalysisJson;
import dev.arbiter.importers.analysis.ExperimentAnalyzer;
import dev.arbiter.importers.experiment.ExperimentException;
import dev.arbiter.importers.result.ExperimentResult;
import dev.arbiter.importers.experiment.ExperimentDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.importers.statistics.WarehouseSource;
import dev.arbiter.importers.workspace.Access;
import dev.arbiter.importers.workspace.Workspace;
import dev.arbiter.importers.workspace.WorkspaceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code arbiter analyze}: an experiment definition against a workspace; a table, or JSON. */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Analyse an experiment: arms, sample ratio, every metric with intervals, segments, the decision.",
                "  arbiter analyze --workspace w.arbiter --experiment support-bot.json",
                "  arbiter analyze --workspace w.arbiter --experiment e.json --as-of 2026-03-14 --json result.json",
                "  arbiter analyze --source jdbc:databricks://HOST:443/default --table main.analytics.events --experiment e.json",
                "The experiment file is described in docs/experiment-format.md, the JSON in docs/cli.md."})
final class AnalyzeCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    private ExperimentArguments arguments;

    @Option(names = "--days-since-exposure", paramLabel = "N", defaultValue = "0",
            description = "Also show unit and ratio metrics on days 0..N since each unit's first exposure (novelty effects).")
    private int exposureDays;

    @Option(names = "--json", paramLabel = "OUT", arity = "0..1", fallbackValue = "-",
            description = "Write JSON to OUT ('-' or nothing: standard output) instead of the table.")
    private String json;

    @Option(names = "--source", paramLabel = "JDBC_URL", description = "Analyse a table in another engine instead of a "
            + "workspace (Databricks, a Spark Thrift server, DuckDB): only aggregates come back. Credentials from "
            + "ARBITER_SOURCE_TOKEN or ARBITER_SOURCE_USER and ARBITER_SOURCE_PASSWORD (docs/warehouse.md).")
    private String source;

    @Option(names = "--table", paramLabel = "TABLE", description = "With --source: the events' table, e.g. "
            + "main.analytics.events (it stands for the experiment's dataset).")
    private String table;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, WorkspaceException, ExperimentException {
        if (exposureDays < 0 || exposureDays > 365) {
            throw new IllegalArgumentException("--days-since-exposure must be between 0 and 365, got " + exposureDays);
        }
        checkWhereFrom();
        ExperimentDefinition definition = arguments.definition();
        ExperimentResult result = source == null ? inWorkspace(definition) : inSource(definition);
        if (json == null) {
            spec.commandLine().getOut().println(AnalysisText.describe(result));
        } else if (json.equals("-")) {
            spec.commandLine().getOut().println(json(result));
        } else {
            Files.writeString(Path.of(json), json(result) + System.lineSeparator());
            spec.commandLine().getOut().println("Wrote " + Path.of(json).toAbsolutePath() + " ("
                    + result.decision().kind().label() + ")");
        }
        return 0;
    }

    /** A workspace, or a source with its table: one or the other. */
    private void checkWhereFrom() {
        if (source == null) {
            arguments.workspace();
            if (table != null) {
                throw new IllegalArgumentException("--table goes with --source JDBC_URL; a workspace names its dataset in the experiment");
            }
        } else if (arguments.hasWorkspace()) {
            throw new IllegalArgumentException("give either --workspace or --source, not both");
        } else if (table == null) {
            throw new IllegalArgumentException("--source needs --table: the events' table, e.g. main.analytics.events");
        }
    }

    private ExperimentResult inWorkspace(ExperimentDefinition definition) throws WorkspaceException, ExperimentException {
        try (Workspace open = Workspace.open(arguments.workspace(), Access.READ)) {
            return ExperimentAnalyzer.analyze(open, definition, arguments.asOf(), arguments.source(), exposureDays);
        }
    }

    /** The events of {@code --table} at {@code --source}, read by the experiment as its dataset. */
    private ExperimentResult inSource(ExperimentDefinition definition) throws WorkspaceException, ExperimentException {
        return ExperimentAnalyzer.analyze(WarehouseSource.of(source, table, System.getenv()),
                definition.withDataset(WarehouseSource.VIEW), arguments.asOf(), arguments.source(), exposureDays);
    }

    /** The analysis JSON; with --source its dataset is the table, and {@code source} says where it was read. */
    private String json(ExperimentResult result) throws IOException {
        String written = AnalysisJson.write(result);
        if (source == null) {
            return written;
        }
        ObjectNode root = (ObjectNode) Json.MAPPER.readTree(written);
        root.put("dataset", table);
        root.putObject("source").put("engine", WarehouseSource.dialectFor(source).toString())
                .put("url", WarehouseSource.withoutParameters(source)).put("table", table);
        return Json.MAPPER.writeValueAsString(root);
    }
}
