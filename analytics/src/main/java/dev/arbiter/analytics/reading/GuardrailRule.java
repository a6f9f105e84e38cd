package dev.arbiter.analytics.reading;

import java.util.Locale;

/**
 * A guardrail's stop rule: a ceiling or floor on the treatment/control ratio, or on the
 * treatment's own value (e.g. {@code maxRatio 1.3} for p95 latency, {@code minValue 0.9} for
 * JSON validity).
 */
public record GuardrailRule(Kind kind, double threshold) {
    /** The rule kinds, named as in the experiment definition. */
    public enum Kind {
        MAX_RATIO("maxRatio"), MIN_RATIO("minRatio"), MAX_VALUE("maxValue"), MIN_VALUE("minValue");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** The JSON key, e.g. {@code maxRatio}. */
        public String key() {
            return key;
        }

        public boolean isCeiling() {
            return this == MAX_RATIO || this == MAX_VALUE;
        }

        public boolean isRatio() {
            return this == MAX_RATIO || this == MIN_RATIO;
        }

        public static Kind fromKey(String key) {
            for (Kind kind : values()) {
                if (kind.key.equalsIgnoreCase(key.trim())) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown guardrail rule '" + key + "': use maxRatio, minRatio, maxValue or minValue");
        }
    }

    public GuardrailRule {
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("a guardrail threshold must be a finite number");
        }
        if (kind.isRatio() && !(threshold > 0)) {
            throw new IllegalArgumentException(kind.key() + " must be positive: " + threshold);
        }
    }

    /** E.g. "treatment/control ≤ 1.3" or "treatment value ≥ 0.9". */
    public String describe() {
        String subject = kind.isRatio() ? "treatment/control" : "treatment value";
        return subject + (kind.isCeiling() ? " ≤ " : " ≥ ") + String.format(Locale.ROOT, "%s", threshold);
    }
}
