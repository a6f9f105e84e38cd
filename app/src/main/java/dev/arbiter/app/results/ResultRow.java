package dev.arbiter.app.results;

import java.util.stream.Stream;

/**
 * One line of the results table: a metric in one arm, and for treatments its comparison with control.
 *
 * @param metric      metric name (on the first line of a metric only)
 * @param role        primary, guardrail or secondary
 * @param arm         the arm
 * @param value       the arm's value
 * @param valueCi     its 95% interval
 * @param absolute    treatment − control with CI (treatments only)
 * @param relative    relative lift with CI (treatments only)
 * @param p           p-value
 * @param significant "yes"/"no" at the experiment's α
 * @param status      guardrail status, non-inferiority, or why it cannot be estimated
 * @param method      the method used
 */
public record ResultRow(String metric, String role, String arm, String value, String valueCi, String absolute,
                        String relative, String p, String significant, String status, String method) {
    /** The columns of the CSV export, in order. */
    static final String HEADER = "metric,role,arm,value,value_ci,absolute_effect_ci,relative_effect_ci,p_value,"
            + "significant,status,method";

    String csv() {
        return String.join(",", Stream.of(metric, role, arm, value, valueCi, absolute, relative, p,
                significant, status, method).map(ResultRow::quote).toList());
    }

    private static String quote(String text) {
        String value = text == null ? "" : text;
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
