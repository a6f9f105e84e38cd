package dev.arbiter.app.common.task;

/** The body of a background task: runs off the UI thread and returns its result. */
@FunctionalInterface
public interface TaskWork<T> {
    T run(TaskContext context) throws Exception;
}
