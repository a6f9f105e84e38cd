package dev.arbiter.app.shell;

/** The sections of the left navigation, in the order an analyst works through a test. */
public enum Section {
    DATA("Data", "Imported exports, their columns and roles, import history and rejected rows."),
    PLAN("Plan", "Sample size per arm for the minimum detectable effect, and the days it takes."),
    MONITOR("Monitor", "Units per arm against the planned split, sample-ratio check and progress."),
    RESULTS("Results", "Confidence intervals for the primary metric, guardrails and secondary metrics."),
    SEGMENTS("Segments", "Effects per segment with adjusted p-values, and segments that flip sign."),
    GUARDRAILS("Guardrails", "Each stop rule against its threshold, with the day it would have fired."),
    DECISION("Decision", "The recommendation, the analyst's decision, sign-offs and the signed PDF.");

    private final String title;
    private final String purpose;

    Section(String title, String purpose) {
        this.title = title;
        this.purpose = purpose;
    }

    public String title() {
        return title;
    }

    /** One sentence on what the section shows once it has data. */
    public String purpose() {
        return purpose;
    }
}
