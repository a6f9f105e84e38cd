package dev.arbiter.app.common.task;

/** A submitted task, as the status bar and callers see it. */
public interface TaskHandle {
    /** The task's title, e.g. "Opening checkout.arbiter". */
    String title();

    /** Asks the task to stop; its cancel actions run at once. */
    void cancel();

    boolean isCancelled();

    boolean isDone();
}
