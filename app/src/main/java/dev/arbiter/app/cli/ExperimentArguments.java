package dev.arbiter.app.cli;

import dev.arbiter.importers.experiment.ExperimentDefinition;
import dev.arbiter.importers.experiment.ExperimentFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Option;

/** {@code --workspace W --experiment E.json [--as-of DATE]}: what every command that analyses an experiment takes. */
final class ExperimentArguments {
    @Option(names = "--workspace", paramLabel = "W.arbiter", description = "The workspace file.")
    private Path workspace;

    @Option(names = "--experiment", paramLabel = "E.json", required = true, description = "The experiment definition.")
    Path experiment;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Only events up to the end of this day (YYYY-MM-DD).")
    private String asOf;

    /** The workspace file: required unless the command reads its events elsewhere ({@code analyze --source}). */
    Path workspace() {
        if (workspace == null) {
            throw new IllegalArgumentException("give the workspace: --workspace W.arbiter");
        }
        return workspace;
    }

    /** Whether --workspace was given. */
    boolean hasWorkspace() {
        return workspace != null;
    }

    /** The definition, with every problem named by key, line and column. */
    ExperimentDefinition definition() throws IOException {
        return ExperimentFile.read(experiment);
    }

    /** How messages name the definition: its file name. */
    String source() {
        return experiment.getFileName().toString();
    }

    /** {@code --as-of}'s day, or null for all data; a clear message for anything but YYYY-MM-DD. */
    LocalDate asOf() {
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
