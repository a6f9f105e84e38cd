package dev.arbiter.app.common.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

class DefaultTaskExecutorTest {
    /** Records listener events as text, in order. */
    static final class Recorder implements TaskListener {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch ended = new CountDownLatch(1);

        @Override
        public void taskStarted(TaskHandle task) {
            events.add("started " + task.title());
        }

        @Override
        public void taskProgress(TaskHandle task, double fraction, String message) {
            events.add("progress " + fraction + " " + message);
        }

        @Override
        public void taskEnded(TaskHandle task, TaskOutcome outcome, String message) {
            events.add(outcome + " " + message);
            ended.countDown();
        }
    }

    @Test
    void currentThreadExecutorFinishesTaskAndCallbacksBeforeSubmitReturns() {
        Recorder recorder = new Recorder();
        AtomicReference<Integer> result = new AtomicReference<>();
        TaskHandle handle = DefaultTaskExecutor.currentThread(recorder).submit(
                BackgroundTask.of("Counting", context -> {
                    context.updateProgress(0.5);
                    context.updateMessage("half way");
                    return 42;
                }).withOnSuccess(result::set).withSuccessMessage(value -> "Counted " + value));
        assertEquals(42, result.get());
        assertTrue(handle.isDone());
        assertEquals(List.of("started Counting", "progress 0.5 ", "progress 0.5 half way", "SUCCEEDED Counted 42"),
                recorder.events);
    }

    @Test
    void failureReachesTheCallbackAndTheListenerAsOneLine() {
        Recorder recorder = new Recorder();
        AtomicReference<Throwable> error = new AtomicReference<>();
        DefaultTaskExecutor.currentThread(recorder).submit(BackgroundTask.<Integer>of("Opening x.arbiter", context -> {
            throw new IllegalStateException("Cannot open x.arbiter: the file does not exist.\n\tat some.Frame");
        }).withOnFailure(error::set));
        assertTrue(error.get() instanceof IllegalStateException);
        assertEquals("FAILED Cannot open x.arbiter: the file does not exist.", recorder.events.get(1));
    }

    @Test
    void cancelRunsCancelActionsOnceAndEndsTheTaskAsCancelled() throws Exception {
        Recorder recorder = new Recorder();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch unblocked = new CountDownLatch(1);
        CountDownLatch cancelledCallback = new CountDownLatch(1);
        List<String> cancelActions = Collections.synchronizedList(new ArrayList<>());
        try (DefaultTaskExecutor executor = new DefaultTaskExecutor(Executors.newSingleThreadExecutor(), Runnable::run,
                recorder)) {
            TaskHandle handle = executor.submit(BackgroundTask.of("Blocking", context -> {
                context.onCancel(() -> cancelActions.add("stop statement"));
                context.onCancel(unblocked::countDown);
                started.countDown();
                unblocked.await();
                if (context.isCancelled()) {
                    throw new CancellationException("stopped");
                }
                return "never used";
            }).withOnCancelled(cancelledCallback::countDown));
            assertTrue(started.await(5, TimeUnit.SECONDS));
            handle.cancel();
            handle.cancel();
            assertTrue(recorder.ended.await(5, TimeUnit.SECONDS));
            assertTrue(cancelledCallback.await(0, TimeUnit.SECONDS), "the task's own callback runs before the listener");
            assertEquals(List.of("stop statement"), cancelActions);
            assertTrue(handle.isCancelled());
            assertEquals("CANCELLED Blocking — cancelled", recorder.events.get(recorder.events.size() - 1));
        }
    }

    @Test
    void workThatFinishesDespiteALateCancelSucceeds() {
        Recorder recorder = new Recorder();
        AtomicReference<String> result = new AtomicReference<>();
        DefaultTaskExecutor.currentThread(recorder).submit(BackgroundTask.of("Committing", context -> {
            ((RunningTask<?>) context).cancel();
            return "committed";
        }).withOnSuccess(result::set));
        assertEquals("committed", result.get());
        assertEquals("SUCCEEDED Committing — done", recorder.events.get(recorder.events.size() - 1));
    }

    @Test
    void cancelActionRegisteredAfterCancelRunsImmediately() {
        List<String> actions = new ArrayList<>();
        DefaultTaskExecutor.currentThread(TaskListener.NONE).submit(BackgroundTask.of("Late", context -> {
            ((RunningTask<?>) context).cancel();
            context.onCancel(() -> actions.add("ran"));
            return 1;
        }));
        assertEquals(List.of("ran"), actions);
    }

    @Test
    void errorWithoutMessageIsNamedByKind() {
        assertEquals("Unexpected error (NullPointerException)", UserMessages.describe(new NullPointerException()));
        assertEquals("disk full", UserMessages.describe(new RuntimeException(new IOException("disk full"))));
    }
}
