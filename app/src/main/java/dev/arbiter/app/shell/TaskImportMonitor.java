package dev.arbiter.app.shell;

import dev.arbiter.app.common.task.TaskContext;
import dev.arbiter.importers.ingest.ImportMonitor;
import java.util.Locale;

/** Bridges DuckDB's query progress to the task: fraction, rows and rows per second, and Cancel. */
public final class TaskImportMonitor implements ImportMonitor {
    private final TaskContext context;
    private final String name;
    private final long start = System.nanoTime();

    public TaskImportMonitor(TaskContext context, String name) {
        this.context = context;
        this.name = name;
    }

    @Override
    public void progress(double fraction, long rows) {
        double seconds = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
        // no percentage yet (DuckDB reports none, or 0, in a read's first phase): an indeterminate bar, not an empty one
        context.updateProgress(fraction > 0 ? fraction : -1);
        context.updateMessage(String.format(Locale.US, "Importing %s — %,d rows, %,.0f rows/s", name, rows, rows / seconds));
    }

    @Override
    public void onCancel(Runnable cancel) {
        context.onCancel(cancel);
    }

    @Override
    public boolean isCancelled() {
        return context.isCancelled();
    }
}
