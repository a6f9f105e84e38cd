package dev.arbiter.app.projection;

import dev.arbiter.analytics.reading.RecommendationKind;

/**
 * The words for a recommendation or decision label ({@code no_difference} → "No difference — take
 * the cheaper arm"), the same on the screens and in the PDF; the JSON keeps the labels.
 */
public final class DecisionLabels {
    private DecisionLabels() {
    }

    /** The words for {@code label}; an unknown label as it is. */
    public static String words(String label) {
        if (label == null) {
            return "";
        }
        try {
            return RecommendationKind.fromLabel(label).words();
        } catch (IllegalArgumentException unknown) {
            return label;
        }
    }
}
