package dev.arbiter.analytics.reading;

/** How a guardrail stands; JSON names {@code ok}, {@code at_risk}, {@code breached}. */
public enum GuardrailStatus {
    /** The whole interval is on the safe side of the threshold. */
    OK("ok"),
    /** The estimate is safe but the interval crosses the threshold (or it cannot be estimated yet). */
    AT_RISK("at_risk"),
    /** The estimate itself crosses the threshold: the stop rule fires. */
    BREACHED("breached");

    private final String label;

    GuardrailStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
