package dev.arbiter.app.common.task;

/**
 * What background work sees of its task: progress to report, and cancellation to honour.
 * Methods may be called from the worker thread; the executor moves updates to the UI thread.
 */
public interface TaskContext {
    /** Progress as a fraction in [0, 1], or a negative value for "unknown". */
    void updateProgress(double fraction);

    /** A short status line, e.g. "Reading events.csv — 1.2M rows/s". */
    void updateMessage(String message);

    /**
     * True once the user pressed Cancel; long loops check it and stop by throwing (for example
     * {@link java.util.concurrent.CancellationException}), so the task ends as cancelled.
     */
    boolean isCancelled();

    /**
     * Registers an action that stops blocking work when the task is cancelled, e.g. a JDBC
     * {@code Statement::cancel}. Runs at once if the task is already cancelled.
     */
    void onCancel(Runnable action);
}
