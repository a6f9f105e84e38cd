package dev.arbiter.app.common.task;

/**
 * Runs long work off the UI thread. The one executor of the app is created in the composition
 * root; tests use {@link DefaultTaskExecutor#currentThread(TaskListener)} so that a submitted
 * task has finished, callbacks included, when {@code submit} returns.
 */
public interface TaskExecutor {
    <T> TaskHandle submit(BackgroundTask<T> task);
}
