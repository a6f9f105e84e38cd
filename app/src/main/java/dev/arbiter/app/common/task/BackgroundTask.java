package dev.arbiter.app.common.task;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A unit of long work with its UI-thread callbacks. Immutable; configure with {@code with...}.
 *
 * @param <T> the result type
 */
public final class BackgroundTask<T> {
    private final String title;
    private final TaskWork<T> work;
    private final Consumer<T> onSuccess;
    private final Consumer<Throwable> onFailure;
    private final Runnable onCancelled;
    private final Function<T, String> successMessage;

    private BackgroundTask(String title, TaskWork<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure,
                           Runnable onCancelled, Function<T, String> successMessage) {
        this.title = Objects.requireNonNull(title, "title");
        this.work = Objects.requireNonNull(work, "work");
        this.onSuccess = onSuccess;
        this.onFailure = onFailure;
        this.onCancelled = onCancelled;
        this.successMessage = successMessage;
    }

    /** A task with the given title and body and no callbacks. */
    public static <T> BackgroundTask<T> of(String title, TaskWork<T> work) {
        return new BackgroundTask<>(title, work, result -> { }, error -> { }, () -> { }, result -> title + " — done");
    }

    /** Runs on the UI thread with the result. */
    public BackgroundTask<T> withOnSuccess(Consumer<T> callback) {
        return new BackgroundTask<>(title, work, callback, onFailure, onCancelled, successMessage);
    }

    /** Runs on the UI thread with the error. */
    public BackgroundTask<T> withOnFailure(Consumer<Throwable> callback) {
        return new BackgroundTask<>(title, work, onSuccess, callback, onCancelled, successMessage);
    }

    /** Runs on the UI thread when the task stopped because it was cancelled. */
    public BackgroundTask<T> withOnCancelled(Runnable callback) {
        return new BackgroundTask<>(title, work, onSuccess, onFailure, callback, successMessage);
    }

    /** The status-bar line shown after success; a function returning null keeps the previous line. */
    public BackgroundTask<T> withSuccessMessage(Function<T, String> message) {
        return new BackgroundTask<>(title, work, onSuccess, onFailure, onCancelled, message);
    }

    public String title() {
        return title;
    }

    TaskWork<T> work() {
        return work;
    }

    void succeeded(T result) {
        onSuccess.accept(result);
    }

    void failed(Throwable error) {
        onFailure.accept(error);
    }

    void cancelled() {
        onCancelled.run();
    }

    String successMessage(T result) {
        return successMessage.apply(result);
    }
}
