package dev.arbiter.app.common.task;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One submitted task: runs the work, coalesces progress updates so the UI thread gets at most
 * one pending update, and reports the outcome through the UI executor. The outcome is what the
 * work did: returning normally is success even if Cancel came too late to stop it (an import
 * that already committed); work that stops because of Cancel throws, and then ends as cancelled.
 */
final class RunningTask<T> implements TaskHandle, TaskContext, Runnable {
    private record Progress(double fraction, String message) {
    }

    private final BackgroundTask<T> task;
    private final Executor ui;
    private final TaskListener listener;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean done = new AtomicBoolean();
    private final List<Runnable> cancelActions = new CopyOnWriteArrayList<>();
    private final AtomicReference<Progress> latest = new AtomicReference<>(new Progress(-1, ""));
    private final AtomicBoolean progressPending = new AtomicBoolean();

    RunningTask(BackgroundTask<T> task, Executor ui, TaskListener listener) {
        this.task = task;
        this.ui = ui;
        this.listener = listener;
    }

    @Override
    public void run() {
        try {
            T result = task.work().run(this);
            finish(() -> task.succeeded(result), TaskOutcome.SUCCEEDED, task.successMessage(result));
        } catch (Throwable error) {
            if (cancelled.get()) {
                endCancelled();
            } else {
                finish(() -> task.failed(error), TaskOutcome.FAILED, UserMessages.describe(error));
            }
        }
    }

    private void endCancelled() {
        finish(task::cancelled, TaskOutcome.CANCELLED, task.title() + " — cancelled");
    }

    private void finish(Runnable callback, TaskOutcome outcome, String message) {
        done.set(true);
        ui.execute(() -> {
            try {
                callback.run();
            } finally {
                listener.taskEnded(this, outcome, message);
            }
        });
    }

    @Override
    public String title() {
        return task.title();
    }

    @Override
    public void cancel() {
        if (done.get() || !cancelled.compareAndSet(false, true)) {
            return;
        }
        cancelActions.forEach(RunningTask::runQuietly);
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }

    @Override
    public boolean isDone() {
        return done.get();
    }

    @Override
    public void onCancel(Runnable action) {
        cancelActions.add(action);
        if (cancelled.get()) {
            runQuietly(action);
        }
    }

    @Override
    public void updateProgress(double fraction) {
        Progress previous = latest.get();
        publish(new Progress(fraction, previous.message()));
    }

    @Override
    public void updateMessage(String message) {
        Progress previous = latest.get();
        publish(new Progress(previous.fraction(), message));
    }

    private void publish(Progress progress) {
        latest.set(progress);
        if (progressPending.compareAndSet(false, true)) {
            ui.execute(() -> {
                progressPending.set(false);
                if (!done.get()) {
                    Progress now = latest.get();
                    listener.taskProgress(this, now.fraction(), now.message());
                }
            });
        }
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            // a failing cancel action must not stop the others; the task still ends as cancelled
        }
    }
}
