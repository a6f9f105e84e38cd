package dev.arbiter.app.cli;

import dev.arbiter.importers.result.AnalysisJson;
import dev.arbiter.importers.analysis.ExperimentAnalyzer;
import dev.arbiter.importers.experiment.ExperimentException;
import dev.arbiter.importers.result.ExperimentResult;
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

    @picocli.CommandLine.Mixin
    private SourceArguments source;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, WorkspaceException, ExperimentException {
        if (exposureDays < 0 || exposureDays > 365) {
            throw new IllegalArgumentException("--days-since-exposure must be between 0 and 365, got " + exposureDays);
        }
        checkWhereFrom();
        ExperimentArguments.Pending definition = arguments.definitionSoon();
        SourceArguments.Analysed analysed = source.given() ? source.analyse(definition.get(), arguments.asOf(),
                arguments.source(), exposureDays) : new SourceArguments.Analysed(inWorkspace(definition), null);
        ExperimentResult result = analysed.result();
        if (json == null) {
            spec.commandLine().getOut().println(AnalysisText.describe(result));
            if (analysed.source() != null) {
                spec.commandLine().getOut().println(System.lineSeparator() + SourceText.describe(analysed.source()));
            }
        } else if (json.equals("-")) {
            spec.commandLine().getOut().println(json(analysed));
        } else {
            Files.writeString(Path.of(json), json(analysed) + System.lineSeparator());
            spec.commandLine().getOut().println("Wrote " + Path.of(json).toAbsolutePath() + " ("
                    + result.decision().kind().label() + ")");
        }
        return 0;
    }

    /** A workspace, or a source with its table: one or the other. */
    private void checkWhereFrom() {
        source.check();
        if (!source.given()) {
            arguments.workspace();
        } else if (arguments.hasWorkspace()) {
            throw new IllegalArgumentException("give either --workspace or --source, not both");
        }
    }

    /** The workspace opens while the definition is read (each takes a good part of a second the first time). */
    private ExperimentResult inWorkspace(ExperimentArguments.Pending definition)
            throws IOException, WorkspaceException, ExperimentException {
        try (Workspace open = Workspace.open(arguments.workspace(), Access.READ)) {
            return ExperimentAnalyzer.analyze(open, definition.get(), arguments.asOf(), arguments.source(), exposureDays);
        }
    }

    /** The analysis JSON; with --source its dataset is the table, and {@code source} says where it was read. */
    private static String json(SourceArguments.Analysed analysed) {
        return analysed.source() == null ? AnalysisJson.write(analysed.result())
                : AnalysisJson.write(analysed.result(), analysed.source());
    }
}
