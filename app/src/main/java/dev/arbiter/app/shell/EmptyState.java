package dev.arbiter.app.shell;

import java.util.List;
import java.util.Objects;

/**
 * What a section shows while it has nothing real to show: what is missing and what to do next.
 *
 * @param headline one short line, e.g. "No workspace open"
 * @param detail   what to do next, in one or two sentences
 * @param actions  the commands offered as buttons
 * @param busy     true while the state is work under way (opening, creating, reading): shown with a
 *                 progress indicator, and never with actions that would start other work
 */
public record EmptyState(String headline, String detail, List<Action> actions, boolean busy) {
    /** Commands an empty state can offer. */
    public enum Action {
        NEW_WORKSPACE("New workspace…"),
        OPEN_WORKSPACE("Open workspace…"),
        OPEN_SAMPLE("Open the support-bot sample"),
        NEW_EXPERIMENT("New experiment…");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public EmptyState {
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(detail, "detail");
        actions = List.copyOf(actions);
    }

    /** A state of something missing, with the actions that would get it. */
    public EmptyState(String headline, String detail, List<Action> actions) {
        this(headline, detail, actions, false);
    }

    /** A state of work under way: what is happening, and what comes when it is done. */
    public static EmptyState working(String headline, String detail) {
        return new EmptyState(headline, detail, List.of(), true);
    }
}
