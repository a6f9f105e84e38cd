package dev.arbiter.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.app.common.task.TaskHandle;
import dev.arbiter.app.common.task.TaskOutcome;
import org.junit.jupiter.api.Test;

class StatusBarViewModelTest {
    private static final class FakeHandle implements TaskHandle {
        private final String title;
        boolean cancelled;

        FakeHandle(String title) {
            this.title = title;
        }

        @Override
        public String title() {
            return title;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return false;
        }
    }

    private final StatusBarViewModel status = new StatusBarViewModel();

    @Test
    void showsTheNewestTaskAndReturnsToTheOlderOneWhenItEnds() {
        FakeHandle importing = new FakeHandle("Importing events.csv");
        FakeHandle opening = new FakeHandle("Opening shop.arbiter");
        status.taskStarted(importing);
        status.taskStarted(opening);
        assertEquals("Opening shop.arbiter…", status.messageProperty().get());
        status.taskProgress(importing, 0.4, "ignored: not the newest");
        assertEquals(-1, status.progressProperty().get());
        status.taskEnded(opening, TaskOutcome.SUCCEEDED, "Opened shop.arbiter");
        assertTrue(status.runningProperty().get());
        status.cancel();
        assertTrue(importing.cancelled);
        assertEquals("Cancelling Importing events.csv…", status.messageProperty().get());
        status.taskEnded(importing, TaskOutcome.CANCELLED, "Importing events.csv — cancelled");
        assertFalse(status.runningProperty().get());
        assertEquals(StatusBarViewModel.Level.INFO, status.levelProperty().get());
    }

    @Test
    void failureIsShownAsAnError() {
        FakeHandle task = new FakeHandle("Opening x");
        status.taskStarted(task);
        status.taskProgress(task, 0.25, "Reading");
        assertEquals(0.25, status.progressProperty().get());
        assertEquals("Reading", status.messageProperty().get());
        status.taskEnded(task, TaskOutcome.FAILED, "Cannot open x: the file does not exist.");
        assertEquals(StatusBarViewModel.Level.ERROR, status.levelProperty().get());
        assertFalse(status.runningProperty().get());
    }

    @Test
    void overlappingQuietTasksLeaveTheLastRealMessage() {
        status.show("Analysed Support bot: no_difference", StatusBarViewModel.Level.SUCCESS);
        FakeHandle lock = new FakeHandle("Reading the pre-registration");
        FakeHandle draft = new FakeHandle("Reading the decision");
        status.taskStarted(lock);
        status.taskStarted(draft);
        status.taskEnded(lock, TaskOutcome.SUCCEEDED, null);
        status.taskEnded(draft, TaskOutcome.SUCCEEDED, null);
        assertEquals("Analysed Support bot: no_difference", status.messageProperty().get());
        assertEquals(StatusBarViewModel.Level.SUCCESS, status.levelProperty().get());
    }
}
