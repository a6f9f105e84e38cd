package dev.arbiter.app.data;

import dev.arbiter.app.common.task.TaskContext;
import dev.arbiter.app.shell.TaskImportMonitor;
import dev.arbiter.app.shell.WorkspaceStore;
import dev.arbiter.importers.ingest.DatasetImporter;
import dev.arbiter.importers.ingest.ImportOptions;
import dev.arbiter.importers.ingest.ImportReport;
import dev.arbiter.importers.workspace.Workspace;
import dev.arbiter.importers.workspace.WorkspaceException;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The body of an import task: files into a workspace opened for import, progress to the task. */
final class WorkspaceImport {
    private WorkspaceImport() {
    }

    static List<ImportReport> run(WorkspaceStore store, Path file, List<String> sources, ImportOptions options,
                                  TaskContext context) throws Exception {
        List<ImportReport> reports = new ArrayList<>();
        try (Workspace importing = openWhenFree(store, file, context)) {
            DatasetImporter importer = new DatasetImporter(importing);
            ImportOptions next = options;
            for (String source : sources) {
                reports.add(importer.importSource(source, next, new TaskImportMonitor(context, Path.of(source).getFileName().toString())));
                if (next.dataset() != null && next.mode() != ImportOptions.Mode.APPEND) {
                    next = next.withMode(ImportOptions.Mode.APPEND);
                }
            }
        }
        return reports;
    }

    /**
     * Opens the workspace for import once the analysis instance is gone: a read that was running on
     * it (the catalog, an analysis) holds the file until its query ends, so a lock conflict is waited
     * out (up to 60 s, Cancel stops the wait) rather than reported.
     */
    private static Workspace openWhenFree(WorkspaceStore store, Path file, TaskContext context) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            try {
                return store.openForImport(file);
            } catch (WorkspaceException e) {
                String why = String.valueOf(e.getMessage());
                boolean locked = why.contains("open in another program")
                        || why.contains("(" + Workspace.IN_USE + ")");
                if (!locked || System.nanoTime() > deadline || context.isCancelled()) {
                    throw e;
                }
                context.updateMessage("Waiting for the analysis to finish before importing…");
                Thread.sleep(100);
            }
        }
    }

    /** "Imported events.csv: 90,189 rows loaded, 0 rejected (1 warning)". */
    static String summary(List<ImportReport> reports) {
        NumberFormat count = NumberFormat.getIntegerInstance(Locale.US);
        long loaded = reports.stream().mapToLong(ImportReport::rowsLoaded).sum();
        long rejected = reports.stream().mapToLong(ImportReport::rowsRejected).sum();
        long warnings = reports.stream().mapToLong(r -> r.warnings().size()).sum();
        String what = reports.size() == 1 ? reports.get(0).file() : reports.size() + " files";
        return "Imported " + what + ": " + count.format(loaded) + " rows loaded, " + count.format(rejected) + " rejected"
                + (warnings == 0 ? "" : " (" + warnings + (warnings == 1 ? " warning" : " warnings") + ", see Data)");
    }
}
