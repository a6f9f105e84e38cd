package dev.arbiter.importers.experiment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How a metric is computed from events: {@code unit} (an aggregate per assignment unit, then unit
 * means compared), {@code ratio} (Σcolumn / Σdenominator per arm, delta method over units) or
 * {@code quantile} (of a column over events, cluster-aware interval).
 */
public enum MetricKind {
    UNIT, RATIO, QUANTILE;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static MetricKind fromKey(String key) {
        for (MetricKind kind : values()) {
            if (kind.key().equalsIgnoreCase(key.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("must be unit, ratio or quantile, not '" + key + "'");
    }
}
