package dev.arbiter.analytics.reading;

/** What the reading order recommends; JSON names as in {@link #label()}. */
public enum RecommendationKind {
    SHIP("ship", "Ship"), DO_NOT_SHIP("do_not_ship", "Do not ship"),
    NO_DIFFERENCE("no_difference", "No difference — take the cheaper arm"), SEGMENT("segment", "Segmented rollout"),
    KEEP_RUNNING("keep_running", "Keep running"),
    /** The test cannot be read (a sample ratio mismatch): fix the assignment and run it again. */
    INVALID("invalid", "Invalid — fix the assignment and run again");

    private final String label;
    private final String words;

    RecommendationKind(String label, String words) {
        this.label = label;
        this.words = words;
    }

    public String label() {
        return label;
    }

    /** The recommendation in words for people (screens, PDF, reasons): "No difference — take the cheaper arm". */
    public String words() {
        return words;
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
