package dev.arbiter.app.common.task;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs each task's work on a worker executor and every callback (task callbacks and
 * {@link TaskListener} events) on a UI executor. Production: a daemon thread pool and
 * {@code Platform::runLater}; tests: the calling thread for both.
 */
public final class DefaultTaskExecutor implements TaskExecutor, AutoCloseable {
    private final Executor worker;
    private final Executor ui;
    private final TaskListener listener;

    public DefaultTaskExecutor(Executor worker, Executor ui, TaskListener listener) {
        this.worker = Objects.requireNonNull(worker, "worker");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Work on a pool of daemon threads, callbacks through {@code uiThread}. */
    public static DefaultTaskExecutor pooled(Executor uiThread, TaskListener listener) {
        return new DefaultTaskExecutor(Executors.newCachedThreadPool(daemonThreads()), uiThread, listener);
    }

    /** Everything on the calling thread: deterministic, for tests. */
    public static DefaultTaskExecutor currentThread(TaskListener listener) {
        return new DefaultTaskExecutor(Runnable::run, Runnable::run, listener);
    }

    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task) {
        RunningTask<T> running = new RunningTask<>(task, ui, listener);
        ui.execute(() -> listener.taskStarted(running));
        worker.execute(running);
        return running;
    }

    @Override
    public void close() {
        if (worker instanceof ExecutorService pool) {
            pool.shutdownNow();
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "arbiter-task-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
