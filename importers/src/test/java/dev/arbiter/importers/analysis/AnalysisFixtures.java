package dev.arbiter.importers.analysis;

import dev.arbiter.importers.experiment.ExperimentDefinition;
import dev.arbiter.importers.experiment.ExperimentFile;
import dev.arbiter.importers.fixtures.SharedDatasets;
import dev.arbiter.importers.ingest.DatasetImporter;
import dev.arbiter.importers.ingest.ImportMonitor;
import dev.arbiter.importers.ingest.ImportOptions;
import dev.arbiter.importers.workspace.Access;
import dev.arbiter.importers.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;

/** Workspaces with real or generated data, and experiment definitions from test resources. */
final class AnalysisFixtures {
    private AnalysisFixtures() {
    }

    /** A real dataset from ../shared/datasets; the test is skipped where it is absent (see SharedDatasets). */
    static Path shared(String relative) {
        return SharedDatasets.file(relative);
    }

    /** A new workspace in {@code dir} holding {@code file} as dataset {@code dataset}; reopened for analysis. */
    static Workspace workspaceWith(Path dir, Path file, String dataset) throws Exception {
        Files.createDirectories(dir);
        Path target = dir.resolve(dataset + ".arbiter");
        Workspace.create(target, "test").close();
        try (Workspace importing = Workspace.open(target, Access.IMPORT)) {
            new DatasetImporter(importing).importSource(file.toString(), ImportOptions.defaults().withDataset(dataset),
                    ImportMonitor.NONE);
        }
        return Workspace.open(target);
    }

    static ExperimentDefinition experiment(String resource) throws Exception {
        Path file = Path.of(AnalysisFixtures.class.getResource("/experiments/" + resource).toURI());
        return ExperimentFile.read(file);
    }
}
