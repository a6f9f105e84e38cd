package dev.arbiter.importers.experiment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a {@code unit} metric reduces a unit's events to one number. */
public enum Aggregate {
    /** Σ column over the unit's events. */
    SUM,
    /** Mean of the column over the unit's events. */
    MEAN,
    /** Largest value, e.g. "resolved at any point" for a 0/1 column. */
    MAX,
    /** Smallest value. */
    MIN,
    /** Number of events (with a non-empty column, when a column is given). */
    COUNT,
    /** 1 when any event has a true (non-zero) value, else 0. */
    ANY;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Aggregate fromKey(String key) {
        for (Aggregate aggregate : values()) {
            if (aggregate.key().equalsIgnoreCase(key.trim())) {
                return aggregate;
            }
        }
        throw new IllegalArgumentException("must be sum, mean, max, min, count or any, not '" + key + "'");
    }
}
