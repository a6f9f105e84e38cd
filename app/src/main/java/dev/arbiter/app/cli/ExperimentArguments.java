package dev.arbiter.app.cli;

import dev.arbiter.importers.experiment.ExperimentDefinition;
import dev.arbiter.importers.experiment.ExperimentFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
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

    /** A definition being read on another thread. */
    interface Pending {
        /** Waits for the definition; its problems as {@link #definition()} reports them. */
        ExperimentDefinition get() throws IOException;
    }

    /**
     * Starts reading the definition on another thread: a first read loads Jackson and the
     * definition's classes (~0.5 s), which opening a workspace (~0.8 s, DuckDB's native library
     * and the file) can hide (issue 22).
     */
    Pending definitionSoon() {
        FutureTask<ExperimentDefinition> reading = new FutureTask<>(this::definition);
        Thread thread = new Thread(reading, "arbiter-read-experiment");
        thread.setDaemon(true);
        thread.start();
        return () -> {
            try {
                return reading.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading " + experiment, e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
            }
        };
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
