package dev.arbiter.app.cli;

import dev.arbiter.importers.analysis.AnalysisJson;
import dev.arbiter.importers.analysis.ExperimentAnalyzer;
import dev.arbiter.importers.analysis.ExperimentException;
import dev.arbiter.importers.analysis.ExperimentResult;
import dev.arbiter.importers.experiment.ExperimentDefinition;
import dev.arbiter.importers.experiment.ExperimentFile;
import dev.arbiter.importers.workspace.Workspace;
import dev.arbiter.importers.workspace.WorkspaceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
    @Option(names = "--workspace", paramLabel = "W.arbiter", required = true, description = "The workspace file.")
    private Path workspace;

    @Option(names = "--experiment", paramLabel = "E.json", required = true, description = "The experiment definition.")
    private Path experiment;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Only events up to the end of this day (YYYY-MM-DD).")
    private String asOf;

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
        ExperimentDefinition definition = ExperimentFile.read(experiment);
        ExperimentResult result;
        try (Workspace open = Workspace.open(workspace)) {
            if (exposureDays < 0 || exposureDays > 365) {
                throw new IllegalArgumentException("--days-since-exposure must be between 0 and 365, got " + exposureDays);
            }
            result = ExperimentAnalyzer.analyze(open, definition, day(asOf), experiment.getFileName().toString(), exposureDays);
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

    /** {@code --as-of}'s day, or null for all data; a clear message for anything but YYYY-MM-DD. */
    static LocalDate day(String asOf) {
        if (asOf == null) {
            return null;
        }
        try {
            return LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--as-of must be a date like 2026-03-14, got '" + asOf + "'");
        }
    }
}
