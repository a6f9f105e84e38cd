package dev.arbiter.app.shell;

import java.util.List;
import java.util.Objects;

/**
 * What a section shows while it has nothing real to show: what is missing and what to do next.
 *
 * @param headline one short line, e.g. "No workspace open"
 * @param detail   what to do next, in one or two sentences
 * @param actions  the commands offered as buttons
 */
public record EmptyState(String headline, String detail, List<Action> actions) {
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
}
