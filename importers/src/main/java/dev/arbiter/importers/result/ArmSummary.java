package dev.arbiter.importers.result;

/**
 * One arm's size against the plan.
 *
 * @param name          the arm
 * @param units         assignment units (crossovers excluded)
 * @param events        their events
 * @param expectedShare the planned share of units
 * @param observedShare the observed share of units
 */
public record ArmSummary(String name, long units, long events, double expectedShare, double observedShare) {
}
