package dev.arbiter.app.projection;

import dev.arbiter.analytics.reading.GuardrailCheck;
import dev.arbiter.analytics.reading.ValueUnit;
import dev.arbiter.analytics.reading.GuardrailStatus;
import dev.arbiter.app.common.charts.TimelinePoint;
import dev.arbiter.importers.result.ComparisonResult;
import dev.arbiter.importers.result.DailyPoint;
import dev.arbiter.importers.result.ExperimentResult;
import dev.arbiter.importers.result.MetricResult;
import dev.arbiter.importers.experiment.MetricKind;
import dev.arbiter.importers.experiment.MetricRole;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Every guardrail rule against every treatment as a card with its history: the screen and the report read the same. */
public final class GuardrailCards {
    private GuardrailCards() {
    }

    /** One card per guardrail metric, treatment and rule, in definition order; empty for no result. */
    public static List<GuardrailCard> of(ExperimentResult result) {
        List<GuardrailCard> cards = new ArrayList<>();
        if (result == null) {
            return cards;
        }
        for (MetricResult metric : result.metrics()) {
            if (metric.role() != MetricRole.GUARDRAIL) {
                continue;
            }
            for (ComparisonResult comparison : metric.comparisons()) {
                for (int rule = 0; rule < comparison.guardrails().size(); rule++) {
                    cards.add(card(result, metric, comparison, rule));
                }
            }
        }
        return cards;
    }

    private static GuardrailCard card(ExperimentResult result, MetricResult metric, ComparisonResult comparison, int rule) {
        GuardrailCheck check = comparison.guardrails().get(rule);
        List<TimelinePoint> history = new ArrayList<>();
        LocalDate fired = null;
        for (DailyPoint day : result.series()) {
            MetricResult then = day.metrics().stream().filter(m -> m.name().equals(metric.name())).findFirst().orElse(null);
            ComparisonResult past = then == null ? null : then.comparison(comparison.treatment());
            if (past == null || past.guardrails().size() <= rule) {
                continue;
            }
            GuardrailCheck was = past.guardrails().get(rule);
            history.add(new TimelinePoint(day.day(), was.observed(), was.interval().lower(), was.interval().upper()));
            if (fired == null && was.status() == GuardrailStatus.BREACHED) {
                fired = day.day();
            }
        }
        ValueUnit unit = check.rule().kind().isRatio() ? ValueUnit.NONE : metric.unit();
        String observed = Double.isFinite(check.observed())
                ? unit.value(check.observed()) + " " + unit.interval(check.interval()) : "not yet estimable";
        return new GuardrailCard(metric.name(), comparison.treatment(), check.rule().describe(), check.rule().threshold(),
                check.rule().kind().isRatio(), observed, check.status().label(), check.explanation(), fired,
                metric.definition().kind() != MetricKind.QUANTILE, history);
    }
}
