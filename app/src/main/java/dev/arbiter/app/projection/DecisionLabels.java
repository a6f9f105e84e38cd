package dev.arbiter.app.projection;

import java.util.Map;

/**
 * The words for a recommendation or decision label ({@code no_difference} → "No difference — take
 * the cheaper arm"), the same on the screens and in the PDF; the JSON keeps the labels.
 */
public final class DecisionLabels {
    private static final Map<String, String> WORDS = Map.of(
            "ship", "Ship",
            "do_not_ship", "Do not ship",
            "no_difference", "No difference — take the cheaper arm",
            "segment", "Segmented rollout",
            "keep_running", "Keep running",
            "invalid", "Invalid — fix the assignment and run again");

    private DecisionLabels() {
    }

    /** The words for {@code label}; an unknown label as it is. */
    public static String words(String label) {
        return label == null ? "" : WORDS.getOrDefault(label, label);
    }
}
