package dev.arbiter.app.cli;

import dev.arbiter.analytics.Effect;
import dev.arbiter.analytics.Interval;
import dev.arbiter.importers.result.ArmSummary;
import dev.arbiter.analytics.ArmValue;
import dev.arbiter.app.projection.Design;
import dev.arbiter.importers.result.ComparisonResult;
import dev.arbiter.importers.result.ExperimentResult;
import dev.arbiter.importers.result.MetricResult;
import dev.arbiter.importers.result.SegmentResult;
import java.util.List;
import java.util.Locale;

/** The human-readable table of {@code arbiter analyze}: the same numbers as the JSON, for a terminal. */
final class AnalysisText {
    private AnalysisText() {
    }

    static String describe(ExperimentResult r) {
        StringBuilder out = new StringBuilder();
        heading(out, r);
        arms(out, r);
        out.append('\n').append(metrics(r.metrics()));
        if (r.fallback() != null) {
            out.append(metrics(List.of(r.fallback())));
        }
        slices(out, r);
        recommendation(out, r);
        return out.toString().stripTrailing();
    }

    private static void heading(StringBuilder out, ExperimentResult r) {
        out.append(r.definition().name() == null ? "Experiment" : r.definition().name());
        out.append(r.asOf() == null ? " (all events)" : " (events up to " + r.asOf() + ")").append('\n');
        if (r.definition().question() != null) {
            out.append("Question: ").append(r.definition().question()).append('\n');
        }
    }

    /** The arms' units, events and shares, the sample-ratio check and the progress to plan. */
    private static void arms(StringBuilder out, ExperimentResult r) {
        String name = "%-" + r.arms().stream().mapToInt(arm -> arm.name().length()).reduce(20, Math::max) + "s";
        if (r.definition().paired()) {
            out.append(Design.describe(r)).append(".\n");
        }
        out.append('\n').append(String.format(Locale.ROOT, name + " %12s %12s %9s %9s%n", "arm",
                r.definition().paired() ? "items" : "units", "events", "share", "planned"));
        for (ArmSummary arm : r.arms()) {
            out.append(String.format(Locale.US, name + " %,12d %,12d %8.2f%% %8.2f%%%n", arm.name(), arm.units(), arm.events(),
                    100 * arm.observedShare(), 100 * arm.expectedShare()));
        }
        out.append(!r.srm().checked() ? "Sample ratio: no units yet, nothing to check\n"
                : String.format(Locale.ROOT, "Sample ratio: chi-square %.3f, p = %s%s%n", r.srm().chiSquare(),
                p(r.srm().pValue()), r.srm().flagged() ? "  MISMATCH (p < 0.001)" : " (ok)"));
        if (r.progress() != null) {
            out.append("Progress: ").append(r.progress().describe()).append('\n');
        }
    }

    /** The metrics per segment value and per day since first exposure. */
    private static void slices(StringBuilder out, ExperimentResult r) {
        for (SegmentResult segment : r.segments()) {
            out.append('\n').append("Segment ").append(segment.column()).append(" = ").append(segment.value())
                    .append(segment.tooSmall() ? "  (too small to read)" : "").append('\n').append(metrics(segment.metrics()));
        }
        for (var point : r.byDaysSinceExposure()) {
            out.append('\n').append("Day ").append(point.day()).append(" since first exposure (units ")
                    .append(point.eligibleUnits()).append(", with events ").append(point.activeUnits()).append(")\n")
                    .append(metrics(point.metrics()));
        }
    }

    private static void recommendation(StringBuilder out, ExperimentResult r) {
        out.append('\n').append("Recommendation: ").append(r.decision().kind().label()).append('\n');
        r.decision().reasons().forEach(reason -> out.append("  - ").append(reason).append('\n'));
        if (!r.warnings().isEmpty()) {
            out.append("Warnings:\n");
            r.warnings().forEach(warning -> out.append("  ! ").append(warning).append('\n'));
        }
    }

    /** The table's first columns as wide as their longest metric and arm names, so long names keep it aligned. */
    private record Columns(String keys) {
        static Columns of(List<MetricResult> metrics) {
            int metric = metrics.stream().mapToInt(m -> m.name().length()).reduce(24, Math::max);
            int arm = metrics.stream().flatMap(m -> m.arms().stream()).mapToInt(a -> a.name().length()).reduce(14, Math::max);
            return new Columns("%-" + metric + "s %-10s %-" + arm + "s %12s");
        }

        String row() {
            return keys + "  %-34s %-30s %8s %s%n";
        }
    }

    private static String metrics(List<MetricResult> metrics) {
        Columns columns = Columns.of(metrics);
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, columns.row(),
                "metric", "role", "arm", "value", "absolute effect [CI]", "relative effect [CI]", "p", "status"));
        for (MetricResult metric : metrics) {
            ArmValue control = metric.arms().get(0);
            out.append(String.format(Locale.ROOT, columns.keys() + "%n", metric.name(), metric.role().key(),
                    control.name(), metric.unit().value(control.value()) + adjustedValue(metric, control)));
            for (ComparisonResult c : metric.comparisons()) {
                out.append(comparison(columns, metric, c));
            }
        }
        return out.toString();
    }

    /** A treatment's line: its value, the effects with their intervals, p and status. */
    private static String comparison(Columns columns, MetricResult metric, ComparisonResult c) {
        ArmValue arm = metric.arm(c.treatment());
        Effect abs = c.comparison().absolute();
        Effect rel = c.comparison().relative();
        String status = c.worstGuardrail() != null ? c.worstGuardrail().status().label()
                : abs.available() ? (c.significant() ? "significant" : "not significant") : abs.unavailableReason();
        return String.format(Locale.ROOT, columns.row(), "", "",
                arm.name(), metric.unit().value(arm.value()) + adjustedValue(metric, arm),
                abs.available() ? metric.unit().effect(abs) : "n/a", relative(rel),
                abs.available() ? p(abs.pValue()) : "", status + adjusted(c));
    }

    /** With a covariate: the CUPED-adjusted value the effect is computed from, beside the plain one. */
    private static String adjustedValue(MetricResult metric, ArmValue arm) {
        return Double.isNaN(arm.adjustedValue()) ? "" : " (CUPED " + metric.unit().value(arm.adjustedValue()) + ")";
    }

    /** The adjusted p that {@code significant} follows: across treatments (Holm, Bonferroni) or in a segment (BH). */
    private static String adjusted(ComparisonResult c) {
        if (Double.isNaN(c.pValueAdjusted())) {
            return "";
        }
        String how = switch (c.adjustment()) {
            case HOLM -> "Holm";
            case BONFERRONI -> "Bonferroni";
            case BENJAMINI_HOCHBERG -> "BH";
        };
        return " (" + how + "-adjusted p " + p(c.pValueAdjusted()) + ")";
    }

    /** A relative effect in percent with its interval. */
    private static String relative(Effect effect) {
        if (!effect.available()) {
            return "n/a";
        }
        Interval ci = effect.ci();
        return String.format(Locale.ROOT, "%+.4g%% [%s, %s]", 100 * effect.estimate(), bound(100 * ci.lower()),
                bound(100 * ci.upper()));
    }

    private static String bound(double value) {
        return Double.isInfinite(value) ? (value > 0 ? "+inf" : "-inf") : String.format(Locale.ROOT, "%+.4g%%", value);
    }

    private static String p(double p) {
        return p < 0.0001 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }
}
