package dev.arbiter.app.results;


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
    /** The columns of the copied table, in order. */
    static final String HEADER = "metric,role,arm,value,value_ci,absolute_effect_ci,relative_effect_ci,p_value,"
            + "significant,status,method";
}
