package dev.arbiter.importers.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Arms taken from a second dataset — an exposure or assignment log from a flag provider (unit →
 * arm at time t) — joined to the events on the unit. A unit's arm is the one of its first exposure
 * (earliest time; ties by arm name); its events from that moment on are in that arm, its events
 * before it are its pre-period (read by {@code "covariate": "preExposure"}).
 *
 * @param dataset         the workspace table of assignments
 * @param unitColumn      its unit column (default: the experiment's {@code unitColumn})
 * @param variantColumn   its arm column (default: the experiment's {@code variantColumn})
 * @param timestampColumn its exposure time; without it every event of an assigned unit is in its arm
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Assignments(String dataset, String unitColumn, String variantColumn, String timestampColumn) {
    /** The assignments' unit column, or the experiment's. */
    public String unitColumnOr(String experimentUnit) {
        return unitColumn != null ? unitColumn : experimentUnit;
    }

    /** The assignments' arm column, or the experiment's. */
    public String variantColumnOr(String experimentVariant) {
        return variantColumn != null ? variantColumn : experimentVariant;
    }
}
