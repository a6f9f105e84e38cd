package dev.arbiter.importers.ingest;

import dev.arbiter.importers.workspace.Access;
import dev.arbiter.importers.workspace.Workspace;
import java.nio.file.Path;

/** Test helper run in a child JVM: starts an import and says so, so the parent can kill -9 it mid-way. */
public final class KillableImport {
    private KillableImport() {
    }

    public static void main(String[] args) throws Exception {
        try (Workspace workspace = Workspace.open(Path.of(args[0]), Access.IMPORT)) {
            System.out.println("started");
            System.out.flush();
            new DatasetImporter(workspace).importSource(args[1], ImportOptions.defaults().withDataset("big"), ImportMonitor.NONE);
            System.out.println("finished");
        }
    }
}
