package dev.arbiter.importers.ingest;

import dev.arbiter.importers.workspace.Access;
import dev.arbiter.importers.workspace.Workspace;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/** Test helper run in a child JVM: starts an import and says when DuckDB is part-way through, so the parent can kill -9 it then. */
public final class KillableImport {
    private KillableImport() {
    }

    public static void main(String[] args) throws Exception {
        try (Workspace workspace = Workspace.open(Path.of(args[0]), Access.IMPORT)) {
            System.out.println("started");
            System.out.flush();
            AtomicBoolean said = new AtomicBoolean();
            ImportMonitor announce = new ImportMonitor() {
                @Override
                public void progress(double fraction, long rows) {
                    if (fraction > 0.05 && said.compareAndSet(false, true)) {
                        System.out.println("progress");
                        System.out.flush();
                    }
                }

                @Override
                public void onCancel(Runnable cancel) {
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            };
            new DatasetImporter(workspace).importSource(args[1], ImportOptions.defaults().withDataset("big"), announce);
            System.out.println("finished");
        }
    }
}
