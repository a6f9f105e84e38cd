package dev.arbiter.app.projection;

import dev.arbiter.app.common.charts.TimelinePoint;
import java.time.LocalDate;
import java.util.List;

/**
 * One guardrail against one treatment: its rule, where it stands, and its history.
 *
 * @param metric      the guardrail metric
 * @param treatment   the treatment arm
 * @param rule        e.g. "treatment/control ≤ 1.3"
 * @param threshold   the threshold
 * @param ratioRule   whether the rule is on treatment/control (else on the treatment's value)
 * @param observed    the ratio or value with its interval, as text
 * @param status      ok, at_risk or breached
 * @param explanation one sentence
 * @param firstFired  the first day the rule was breached in the day-by-day series, or null
 * @param cumulative  whether the history is cumulative (unit and ratio metrics) or daily (quantiles)
 * @param history     the ratio or value by day, with its interval
 */
public record GuardrailCard(String metric, String treatment, String rule, double threshold, boolean ratioRule,
                            String observed, String status, String explanation, LocalDate firstFired,
                            boolean cumulative, List<TimelinePoint> history) {
    public GuardrailCard {
        history = List.copyOf(history);
    }
}
