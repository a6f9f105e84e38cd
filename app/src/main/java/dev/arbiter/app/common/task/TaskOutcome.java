package dev.arbiter.app.common.task;

/** How a background task ended. */
public enum TaskOutcome {
    SUCCEEDED, FAILED, CANCELLED
}
