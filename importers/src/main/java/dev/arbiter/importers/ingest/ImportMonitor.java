package dev.arbiter.importers.ingest;

/** Progress and cancellation of a running import, as the caller (CLI or app task) sees them. */
public interface ImportMonitor {
    /** Called from a polling thread: fraction in [0, 1] (negative when unknown) and rows processed so far. */
    void progress(double fraction, long rowsProcessed);

    /** Registers the action that stops the running statement; called once per statement. */
    void onCancel(Runnable cancel);

    /** True when the user asked to stop. */
    boolean isCancelled();

    /** A monitor that reports nothing and never cancels. */
    ImportMonitor NONE = new ImportMonitor() {
        @Override
        public void progress(double fraction, long rowsProcessed) {
        }

        @Override
        public void onCancel(Runnable cancel) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };
}
