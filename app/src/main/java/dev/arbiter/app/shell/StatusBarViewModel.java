package dev.arbiter.app.shell;

import dev.arbiter.app.common.task.TaskHandle;
import dev.arbiter.app.common.task.TaskListener;
import dev.arbiter.app.common.task.TaskOutcome;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * State of the shell's status bar: the message, the progress of the newest running task, and
 * its Cancel command. Listens to the app's one task executor (on the UI thread).
 */
public final class StatusBarViewModel implements TaskListener {
    /** How the message should read. */
    public enum Level { INFO, SUCCESS, ERROR }

    private final StringProperty message = new SimpleStringProperty("Ready");
    private final ObjectProperty<Level> level = new SimpleObjectProperty<>(Level.INFO);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final Deque<TaskHandle> active = new ArrayDeque<>();
    private final Map<TaskHandle, Line> before = new HashMap<>();

    /** A message and how it reads, remembered while a task runs. */
    private record Line(String message, Level level) {
    }

    @Override
    public void taskStarted(TaskHandle task) {
        before.put(task, underlyingLine());
        active.push(task);
        show(task.title() + "…", Level.INFO);
        progress.set(-1);
        running.set(true);
    }

    @Override
    public void taskProgress(TaskHandle task, double fraction, String text) {
        if (active.peek() != task) {
            return;
        }
        progress.set(fraction);
        if (text != null && !text.isBlank()) {
            show(text, Level.INFO);
        }
    }

    /** A null message (a quiet background refresh) leaves the previous message in place. */
    @Override
    public void taskEnded(TaskHandle task, TaskOutcome outcome, String text) {
        active.remove(task);
        Line previous = before.remove(task);
        if (text != null) {
            show(text, switch (outcome) {
                case SUCCEEDED -> Level.SUCCESS;
                case CANCELLED -> Level.INFO;
                case FAILED -> Level.ERROR;
            });
        } else if (previous != null && message.get().equals(task.title() + "…")) {
            show(previous.message(), previous.level());
        }
        TaskHandle next = active.peek();
        running.set(next != null);
        progress.set(next != null ? -1 : 0);
    }

    /**
     * The line below any running task's title: when a task starts while another's title is shown,
     * it remembers what that one remembered, so quiet tasks that overlap never restore a stale title.
     */
    private Line underlyingLine() {
        for (TaskHandle running : active) {
            if (message.get().equals(running.title() + "…") && before.containsKey(running)) {
                return before.get(running);
            }
        }
        return new Line(message.get(), level.get());
    }

    /** Cancels the newest running task. */
    public void cancel() {
        TaskHandle current = active.peek();
        if (current != null && !current.isCancelled()) {
            current.cancel();
            show("Cancelling " + current.title() + "…", Level.INFO);
        }
    }

    /** Shows a message that is not tied to a task. */
    public void show(String text, Level newLevel) {
        message.set(text);
        level.set(newLevel);
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyObjectProperty<Level> levelProperty() {
        return level;
    }

    /** Progress of the newest running task: a fraction, or negative when unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }
}
