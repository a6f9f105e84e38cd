package dev.arbiter.app.report;

import dev.arbiter.app.projection.DecisionLabels;
import dev.arbiter.analytics.Comparison;
import dev.arbiter.app.projection.Format;
import dev.arbiter.importers.result.ComparisonResult;
import dev.arbiter.importers.result.ExperimentResult;
import dev.arbiter.importers.result.MetricResult;
import dev.arbiter.importers.experiment.Metric;
import dev.arbiter.importers.experiment.MetricKind;
import java.util.ArrayList;
import java.util.List;

/** The report's words: decisions in plain language, one-sentence results, the methods used. */
final class Labels {
    private Labels() {
    }

    /** "Ship (ship)": the words and the JSON label, so the document can be searched for either. */
    static String decision(String label) {
        return DecisionLabels.words(label) + " (" + label + ")";
    }

    /** "p = 0.0016" or "p < 0.0001". */
    static String pIs(double p) {
        String text = Format.p(p);
        return text.startsWith("<") ? "p " + text : "p = " + text;
    }

    /** One sentence: the difference with its interval, relative, p, and whether it is significant. */
    static String sentence(MetricResult metric, ComparisonResult comparison) {
        Comparison c = comparison.comparison();
        if (!c.absolute().available()) {
            return "not estimable: " + c.absolute().unavailableReason() + ".";
        }
        return "difference " + metric.unit().effect(c.absolute()) + ", relative " + Format.relative(c.relative()) + ", "
                + pIs(c.absolute().pValue()) + "; " + (c.significant() ? "significant" : "not significant") + " at α = "
                + Format.value(c.alpha()) + " (" + c.method() + ", " + c.alternative().label() + ")"
                + (metric.definition().mde() == null ? "" : "; MDE " + (metric.definition().mdeRelative()
                ? Format.percent(metric.definition().mde()) : metric.unit().size(metric.definition().mde())))
                + ".";
    }

    /** The methods behind the numbers in this result, one line each. */
    static List<String> methods(ExperimentResult result) {
        List<String> methods = new ArrayList<>();
        List<Metric> metrics = result.metrics().stream().map(MetricResult::definition).toList();
        if (metrics.stream().anyMatch(m -> m.kind() == MetricKind.UNIT)) {
            methods.add("Unit metrics: the column aggregated per assignment unit (units without a matching event count as 0), "
                    + "arms compared by Welch's t-test; relative effects by the delta method on the ratio of means.");
        }
        if (metrics.stream().anyMatch(m -> m.kind() == MetricKind.RATIO)) {
            methods.add("Ratio metrics: Σ numerator / Σ denominator per arm with delta-method variance over assignment units "
                    + "(events within a unit are correlated, so never a per-event test).");
        }
        if (metrics.stream().anyMatch(m -> m.kind() == MetricKind.QUANTILE)) {
            methods.add("Quantile metrics: the mid-quantile over events (Ma, Genton & Parzen 2011; R type 5 without ties, "
                    + "smooth across tied values); interval by the order-statistic method of Deng, Knoblich & Lu (2018) "
                    + "read on the mid-distribution, with the cluster (unit) adjustment.");
        }
        if (metrics.stream().anyMatch(m -> m instanceof Metric.Adjustable adjustable && adjustable.covariate() != null)) {
            methods.add("CUPED: θ = cov(Y, X) / var(X) pooled over arms; adjusted mean Ȳ − θX̄; relative lift over the "
                    + "unadjusted control mean.");
        }
        if (result.definition().sequential()) {
            methods.add("Always-valid intervals: asymptotic confidence sequence of Waudby-Smith et al., tuned to the planned sample.");
        }
        methods.add("Sample ratio: χ² goodness of fit of units per arm against the planned split, flagged below p = 0.001.");
        methods.add("Segments: the same tests within each segment value; p-values adjusted by Benjamini–Hochberg within each "
                + "segment column, and a segment effect is significant when its adjusted p is below α; segments with fewer "
                + "units than the minimum are marked too small to read.");
        methods.add("Reading order: (0) a sample ratio mismatch (p < 0.001) → invalid, nothing else is read; "
                + "(1) any guardrail breached → do not ship; (2) primary not significant → no difference "
                + "(take the cheaper arm), unless a segment's effect is significant after BH → segmented rollout naming the arm "
                + "for that segment; (3) effect below the MDE is reported as such; (4) an effect that flips in a segment "
                + "→ segmented decision. Analysis by assigned arm (intention to treat); units seen in more than one arm excluded.");
        methods.add("Sums are order-independent (DuckDB fsum); numbers can differ between runs only beyond the 12th significant digit.");
        return methods;
    }
}
