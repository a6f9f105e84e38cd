package dev.arbiter.importers.experiment;

import java.util.Locale;

/** The part a metric plays in the decision; JSON names {@code primary}, {@code guardrail}, {@code secondary}. */
public enum MetricRole {
    PRIMARY, GUARDRAIL, SECONDARY;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
