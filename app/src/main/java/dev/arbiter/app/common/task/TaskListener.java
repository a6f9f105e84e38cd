package dev.arbiter.app.common.task;

/** Observes every task of an executor; all calls arrive on the UI thread, in order. */
public interface TaskListener {
    void taskStarted(TaskHandle task);

    void taskProgress(TaskHandle task, double fraction, String message);

    void taskEnded(TaskHandle task, TaskOutcome outcome, String message);

    /** A listener that ignores everything. */
    TaskListener NONE = new TaskListener() {
        @Override
        public void taskStarted(TaskHandle task) {
        }

        @Override
        public void taskProgress(TaskHandle task, double fraction, String message) {
        }

        @Override
        public void taskEnded(TaskHandle task, TaskOutcome outcome, String message) {
        }
    };
}
