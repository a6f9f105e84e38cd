package dev.arbiter.analytics;

import java.util.Locale;

/** The alternative hypothesis about treatment − control. */
public enum Alternative {
    /** The effect differs from 0 in either direction. */
    TWO_SIDED("two-sided"),
    /** The effect is greater than 0 (treatment higher). */
    GREATER("greater"),
    /** The effect is less than 0 (treatment lower). */
    LESS("less");

    private final String label;

    Alternative(String label) {
        this.label = label;
    }

    /** The name used in JSON and on the command line, as in R: {@code two-sided}, {@code greater}, {@code less}. */
    public String label() {
        return label;
    }

    /** Parses {@link #label()} (also accepts {@code two.sided} and upper case). */
    public static Alternative parse(String text) {
        String normalised = text.trim().toLowerCase(Locale.ROOT).replace('.', '-').replace('_', '-');
        for (Alternative alternative : values()) {
            if (alternative.label.equals(normalised)) {
                return alternative;
            }
        }
        throw new IllegalArgumentException("alternative must be two-sided, greater or less: " + text);
    }
}
