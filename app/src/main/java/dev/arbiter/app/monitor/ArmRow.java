package dev.arbiter.app.monitor;

/**
 * One arm's size against the plan.
 *
 * @param arm      the arm
 * @param units    assignment units
 * @param events   events
 * @param share    observed share of units
 * @param planned  planned share
 * @param progress fraction of the planned sample per arm (NaN without a plan)
 * @param fallback the arm's fallback rate with CI, or empty
 */
public record ArmRow(String arm, String units, String events, String share, String planned, double progress, String fallback) {
}
