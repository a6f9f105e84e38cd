package dev.arbiter.analytics.reading;

import java.util.List;
import java.util.Objects;

/** The recommended decision and its reasons in plain language, in reading order. */
public record Recommendation(RecommendationKind kind, List<String> reasons) {
    public Recommendation {
        Objects.requireNonNull(kind, "kind");
        reasons = List.copyOf(reasons);
    }
}
