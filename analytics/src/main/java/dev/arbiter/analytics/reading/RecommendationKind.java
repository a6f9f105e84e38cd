package dev.arbiter.analytics.reading;

/** What the reading order recommends; JSON names as in {@link #label()}. */
public enum RecommendationKind {
    SHIP("ship"), DO_NOT_SHIP("do_not_ship"), NO_DIFFERENCE("no_difference"), SEGMENT("segment"),
    KEEP_RUNNING("keep_running"),
    /** The test cannot be read (a sample ratio mismatch): fix the assignment and run it again. */
    INVALID("invalid");

    private final String label;

    RecommendationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static RecommendationKind fromLabel(String label) {
        for (RecommendationKind kind : values()) {
            if (kind.label.equals(label)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown decision '" + label
                + "': use ship, do_not_ship, no_difference, segment, keep_running or invalid");
    }
}
