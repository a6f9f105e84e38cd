package dev.arbiter.importers.experiment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Which way a metric should move for the treatment to be better. */
public enum Direction {
    INCREASE, DECREASE;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean higherIsBetter() {
        return this == INCREASE;
    }

    @JsonCreator
    public static Direction fromKey(String key) {
        for (Direction direction : values()) {
            if (direction.key().equalsIgnoreCase(key.trim())) {
                return direction;
            }
        }
        throw new IllegalArgumentException("must be increase or decrease, not '" + key + "'");
    }
}
