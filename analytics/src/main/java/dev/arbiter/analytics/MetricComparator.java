package dev.arbiter.analytics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Chooses the analytics procedure for a metric's statistics: Welch on proportions (every unit
 * value 0 or 1) or means for unit metrics, the delta method for ratios, CUPED when a covariate is
 * given, the cluster-aware order-statistic interval for quantiles, paired tests on items answered
 * by both arms of a paired design; always-valid sequences instead of fixed-horizon intervals in
 * sequential mode.
 */
public final class MetricComparator {
    private final double alpha;
    private final Double sequentialTuning;

    /** @param sequentialTuning N* of the confidence sequence, or null for fixed-horizon tests */
    public MetricComparator(double alpha, Double sequentialTuning) {
        this.alpha = alpha;
        this.sequentialTuning = sequentialTuning;
    }

    /**
     * Treatment against control for one metric.
     *
     * @param covariateAdjusted whether the statistics carry a covariate to adjust by (CUPED)
     */
    public Comparison compare(Alternative alternative, boolean covariateAdjusted, ArmStatistics control,
                              ArmStatistics treatment) {
        if (control instanceof ArmStatistics.Quantile c && treatment instanceof ArmStatistics.Quantile t) {
            Comparison comparison = QuantileMetric.compare(c.quantile(), t.quantile(), alpha, alternative);
            return sequentialTuning == null ? comparison
                    : SequentialTest.withDefaults().withAlpha(alpha).withAlternative(alternative).withTuning(sequentialTuning)
                            .sequential(comparison, c.quantile().units() + t.quantile().units());
        }
        if (treatment instanceof ArmStatistics.Paired paired) {
            return PairedComparison.compare(paired.pairs(), paired.binary(), alpha, alternative);
        }
        if (treatment instanceof ArmStatistics.PairedQuantiles paired) {
            return PairedQuantile.compare(paired.control(), paired.treatment(), alpha, alternative);
        }
        if (covariateAdjusted) {
            return cuped(control, treatment, alternative);
        }
        ArmEstimate c = estimate(control, control, treatment);
        ArmEstimate t = estimate(treatment, control, treatment);
        return test(c, t, alternative, method(control, treatment));
    }

    /** One arm's value with its two-sided interval. */
    public ArmValue value(String arm, ArmStatistics statistics, ArmStatistics control, ArmStatistics treatment) {
        if (statistics instanceof ArmStatistics.PairedQuantiles paired) {
            return value(arm, new ArmStatistics.Quantile(paired.treatment().quantile()), control, treatment);
        }
        if (statistics instanceof ArmStatistics.Quantile q) {
            var quantile = q.quantile();
            boolean hasInterval = quantile.units() >= 2 && Double.isFinite(quantile.lower()) && Double.isFinite(quantile.upper());
            return new ArmValue(arm, quantile.units(), quantile.events() == 0 ? Double.NaN : quantile.value(),
                    hasInterval ? new Interval(Math.min(quantile.lower(), quantile.value()), Math.max(quantile.upper(), quantile.value()))
                            : null, quantile.events() == 0 ? "no events" : null);
        }
        ArmEstimate estimate = statistics instanceof ArmStatistics.Paired paired
                ? estimate(paired.treatment(), paired.treatment(), paired.treatment())
                : estimate(statistics, control, treatment);
        Effect interval = estimate.valueInterval(alpha);
        return new ArmValue(arm, estimate.n(), estimate.value(), interval.available() ? interval.ci() : null,
                Double.isFinite(estimate.value()) ? null : "no units with values");
    }

    private Comparison cuped(ArmStatistics control, ArmStatistics treatment, Alternative alternative) {
        Cuped.Result result;
        String method;
        if (control instanceof ArmStatistics.Ratio c && treatment instanceof ArmStatistics.Ratio t) {
            result = Cuped.ratio(c.moments(), t.moments());
            method = "CUPED-adjusted ratio, delta method";
        } else {
            result = Cuped.mean(((ArmStatistics.Unit) control).moments(), ((ArmStatistics.Unit) treatment).moments());
            method = "CUPED-adjusted " + (bothBinary(control, treatment) ? "proportions" : "means");
        }
        Comparison comparison = test(result.control(), result.treatment(), alternative, method);
        return result.note() == null ? comparison.withNote(String.format(Locale.ROOT,
                "CUPED: θ = %.4g, variance reduced by %s%%.", result.theta(), threeDigits(100 * result.varianceReduction())))
                : comparison.withNote(result.note());
    }

    private Comparison test(ArmEstimate control, ArmEstimate treatment, Alternative alternative, String method) {
        if (sequentialTuning != null) {
            return SequentialTest.withDefaults().withAlpha(alpha).withAlternative(alternative).withTuning(sequentialTuning)
                    .compare(control, treatment, method);
        }
        return WelchTest.withDefaults().withAlpha(alpha).withAlternative(alternative)
                .compare(control, treatment, method + " (Welch)");
    }

    private static ArmEstimate estimate(ArmStatistics statistics, ArmStatistics control, ArmStatistics treatment) {
        if (statistics instanceof ArmStatistics.Ratio ratio) {
            return ratio.moments().metric().estimate();
        }
        ArmStatistics.Unit unit = (ArmStatistics.Unit) statistics;
        if (bothBinary(control, treatment)) {
            return ArmEstimate.proportion(unit.moments().n(), unit.moments().sumY());
        }
        return ArmEstimate.mean(unit.moments().metric());
    }

    private static boolean bothBinary(ArmStatistics control, ArmStatistics treatment) {
        if (treatment instanceof ArmStatistics.Paired paired) {
            return paired.binary();
        }
        return control instanceof ArmStatistics.Unit c && treatment instanceof ArmStatistics.Unit t && c.binary() && t.binary();
    }

    private static String method(ArmStatistics control, ArmStatistics treatment) {
        if (control instanceof ArmStatistics.Ratio) {
            return "ratio, delta method over units";
        }
        return bothBinary(control, treatment) ? "t-test on proportions, variance p(1-p)" : "t-test on unit means";
    }

    /** Three significant digits without trailing zeros: 37.5, 0.043 (a fixed decimal would print 0.0). */
    static String threeDigits(double value) {
        if (!Double.isFinite(value) || value == 0) {
            return value == 0 ? "0" : String.valueOf(value);
        }
        return new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
