package dev.arbiter.app.cli;

import dev.arbiter.importers.result.AnalysisJson;
import dev.arbiter.importers.analysis.ExperimentAnalyzer;
import dev.arbiter.importers.experiment.ExperimentException;
import dev.arbiter.importers.result.ExperimentResult;
import dev.arbiter.importers.experiment.ExperimentDefinition;
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

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, WorkspaceException, ExperimentException {
        if (exposureDays < 0 || exposureDays > 365) {
            throw new IllegalArgumentException("--days-since-exposure must be between 0 and 365, got " + exposureDays);
        }
        ExperimentDefinition definition = arguments.definition();
        ExperimentResult result;
        try (Workspace open = Workspace.open(arguments.workspace, Access.READ)) {
            result = ExperimentAnalyzer.analyze(open, definition, arguments.asOf(), arguments.source(), exposureDays);
        }
        if (json == null) {
            spec.commandLine().getOut().println(AnalysisText.describe(result));
        } else if (json.equals("-")) {
            spec.commandLine().getOut().println(AnalysisJson.write(result));
        } else {
            Files.writeString(Path.of(json), AnalysisJson.write(result) + System.lineSeparator());
            spec.commandLine().getOut().println("Wrote " + Path.of(json).toAbsolutePath() + " ("
                    + result.decision().kind().label() + ")");
        }
        return 0;
    }
}
