package dev.arbiter.importers.experiment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A metric's CUPED covariate: either the same metric over the unit's events before its first
 * exposure ({@code "covariate": "preExposure"}), or a named column aggregated per unit over its
 * experiment events ({@code {"column": "rounds_before", "aggregate": "max"}}).
 *
 * @param preExposure the same metric before exposure
 * @param column      a named column, or null
 * @param aggregate   how the named column is reduced per unit (default: mean)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Covariate(Boolean preExposure, String column, Aggregate aggregate) {
    @JsonCreator
    public Covariate(@JsonProperty("preExposure") Boolean preExposure, @JsonProperty("column") String column,
                     @JsonProperty("aggregate") Aggregate aggregate) {
        this.preExposure = preExposure;
        this.column = column;
        this.aggregate = aggregate;
    }

    /** The short form: {@code "preExposure"} (or {@code "pre-exposure"}), else a column name. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Covariate of(String text) {
        String compact = text.trim().replace("-", "").replace("_", "");
        return compact.equalsIgnoreCase("preexposure") ? new Covariate(true, null, null)
                : new Covariate(null, text, null);
    }

    public boolean isPreExposure() {
        return Boolean.TRUE.equals(preExposure);
    }

    /** The aggregate of a named covariate column. */
    public Aggregate aggregateOrMean() {
        return aggregate == null ? Aggregate.MEAN : aggregate;
    }
}
