package dev.arbiter.app.common.task;

/** Turns an error into one line an analyst can act on: never a stack trace. */
public final class UserMessages {
    private UserMessages() {
    }

    /** The error's own message when it has one, else its kind in plain words. */
    public static String describe(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && (cause.getMessage() == null
                || cause.getMessage().equals(cause.getCause().toString()))) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return "Unexpected error (" + cause.getClass().getSimpleName() + ")";
        }
        return message.lines().findFirst().orElse(message);
    }
}
