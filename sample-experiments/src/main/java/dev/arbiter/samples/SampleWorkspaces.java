package dev.arbiter.samples;

import dev.arbiter.importers.experiment.ExperimentDefinition;
import dev.arbiter.importers.experiment.ExperimentFile;
import dev.arbiter.importers.experiment.ExperimentStore;
import dev.arbiter.importers.ingest.DatasetImporter;
import dev.arbiter.importers.ingest.ImportException;
import dev.arbiter.importers.ingest.ImportMonitor;
import dev.arbiter.importers.ingest.ImportOptions;
import dev.arbiter.importers.workspace.Access;
import dev.arbiter.importers.workspace.Workspace;
import dev.arbiter.importers.workspace.WorkspaceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Makes a workspace from a sample: its events imported as dataset {@code events}, its experiment saved in it. */
public final class SampleWorkspaces {
    private SampleWorkspaces() {
    }

    /**
     * Creates {@code file} holding sample {@code name}, and writes the experiment beside it as
     * {@code NAME.experiment.json}; returns that file. {@code file} must not exist.
     */
    public static Path create(String name, Path file, String createdWith, ImportMonitor monitor)
            throws IOException, WorkspaceException, ImportException {
        SampleCatalog.get(name);
        Path folder = Files.createTempDirectory("arbiter-sample-");
        try {
            return fill(name, file, SampleCatalog.extract(name, folder), createdWith, monitor);
        } finally {
            deleteFolder(folder);
        }
    }

    /**
     * Like {@link #create} with {@code events} freshly generated events of the sample's scenario
     * instead of its committed ones: big workspaces for benchmarks and tests of the UI under load.
     */
    public static Path createGenerated(String name, Path file, long events, String createdWith)
            throws IOException, WorkspaceException, ImportException {
        Path folder = Files.createTempDirectory("arbiter-sample-");
        try {
            SampleCatalog.generate(name, folder, events);
            return fill(name, file, folder.resolve("events.parquet"), createdWith, ImportMonitor.NONE);
        } finally {
            deleteFolder(folder);
        }
    }

    private static Path fill(String name, Path file, Path events, String createdWith, ImportMonitor monitor)
            throws IOException, WorkspaceException, ImportException {
        ExperimentDefinition experiment = ExperimentFile.parse(SampleCatalog.experimentJson(name), name + "/experiment.json");
        Workspace.create(file, createdWith).close();
        try (Workspace workspace = Workspace.open(file, Access.IMPORT)) {
            new DatasetImporter(workspace).importSource(events.toString(),
                    ImportOptions.defaults().withDataset(SampleCatalog.DATASET), monitor);
            new ExperimentStore(workspace).save(experiment);
        }
        Path json = file.toAbsolutePath().resolveSibling(name + ".experiment.json");
        ExperimentFile.write(experiment, json);
        return json;
    }

    private static void deleteFolder(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            for (Path extracted : files.toList()) {
                Files.deleteIfExists(extracted);
            }
        }
        Files.deleteIfExists(folder);
    }
}
