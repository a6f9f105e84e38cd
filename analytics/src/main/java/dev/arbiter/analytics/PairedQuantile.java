package dev.arbiter.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A quantile (e.g. p95 latency) of two arms' events on the same items — a paired design. Each arm's
 * mid-quantile and its cluster-aware interval are {@link QuantileMetric}'s, with the item as the
 * cluster; the pairing enters through the covariance of the two estimates. Linearised, Q̂ − Q ≈
 * −(F̂(Q) − p)/f(Q), and F̂ = ΣS_i/ΣN_i over items (S_i the item's events at or below Q̂, mid-quantile
 * weights), so the correlation of the two quantiles is that of the two F̂'s,
 * ρ = Σ a_i b_i / √(Σa_i² · Σb_i²) with a_i = S_ci − p·N_ci, b_i = S_ti − p·N_ti over the items both
 * arms answered (items in one arm only add to its variance, not to the covariance). Then
 * SE(Q̂_t − Q̂_c)² = SE_t² + SE_c² − 2ρ·SE_t·SE_c, normal reference; relative effects by the delta
 * method with the same covariance (docs/methods.md, "Paired designs").
 */
public final class PairedQuantile {
    private static final String METHOD = "quantile, cluster-aware interval, paired on items (Deng et al. 2018)";

    private PairedQuantile() {
    }

    /**
     * One arm's quantile and, per item, the two sums the pairing needs.
     *
     * @param quantile the arm's quantile over its items, interval clustered by item
     * @param deviations per item, S_i − p·N_i (NaN for items the arm did not answer)
     */
    public record Arm(QuantileMetric.ArmQuantile quantile, double[] deviations) {
    }

    /**
     * An arm's quantile from its events per item ({@code byItem[i]} the values of item i, empty when
     * the arm did not answer it); items line up across arms.
     */
    public static Arm arm(double[][] byItem, double p, double alpha) {
        int events = Arrays.stream(byItem).mapToInt(values -> values.length).sum();
        double[] values = new double[events];
        long[] items = new long[events];
        int k = 0;
        for (int i = 0; i < byItem.length; i++) {
            for (double value : byItem[i]) {
                values[k] = value;
                items[k++] = i;
            }
        }
        QuantileMetric.ArmQuantile quantile = QuantileMetric.estimate(values, items, p, alpha);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        MidQuantile mid = MidQuantile.ofSorted(sorted, p);
        double[] deviations = new double[byItem.length];
        for (int i = 0; i < byItem.length; i++) {
            deviations[i] = byItem[i].length == 0 || mid == null ? Double.NaN : deviation(byItem[i], mid, p);
        }
        return new Arm(quantile, deviations);
    }

    private static double deviation(double[] values, MidQuantile mid, double p) {
        double below = 0;
        for (double value : values) {
            below += mid.weight(value);
        }
        return below - p * values.length;
    }

    /** The correlation of two arms' quantile estimates through the items both answered. */
    public static double correlation(Arm control, Arm treatment) {
        double cross = 0;
        double squaresC = 0;
        double squaresT = 0;
        for (int i = 0; i < control.deviations().length; i++) {
            double a = control.deviations()[i];
            double b = treatment.deviations()[i];
            squaresC += Double.isNaN(a) ? 0 : a * a;
            squaresT += Double.isNaN(b) ? 0 : b * b;
            if (!Double.isNaN(a) && !Double.isNaN(b)) {
                cross += a * b;
            }
        }
        return squaresC > 0 && squaresT > 0 ? cross / Math.sqrt(squaresC * squaresT) : 0;
    }

    /** Treatment against control on the same items. */
    public static Comparison compare(Arm control, Arm treatment, double alpha, Alternative alternative) {
        QuantileMetric.ArmQuantile c = control.quantile();
        QuantileMetric.ArmQuantile t = treatment.quantile();
        Comparison independent = QuantileMetric.compare(c, t, alpha, alternative);
        if (!independent.absolute().available()) {
            return new Comparison(independent.control(), independent.treatment(), independent.absolute(),
                    independent.relative(), METHOD, alpha, alternative, List.of());
        }
        double rho = correlation(control, treatment);
        double seC = c.standardError();
        double seT = t.standardError();
        double covariance = rho * seC * seT;
        double absoluteSe = Math.sqrt(Math.max(0, seT * seT + seC * seC - 2 * covariance));
        Effect absolute = TInference.effect(t.value() - c.value(), absoluteSe, Double.POSITIVE_INFINITY, alpha, alternative);
        Effect relative = relative(c, t, covariance, alpha, alternative);
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "paired on items: correlation of the arms' quantiles %.3f", rho));
        return new Comparison(independent.control(), independent.treatment(), absolute, relative, METHOD, alpha, alternative,
                notes);
    }

    /** Q_t/Q_c − 1, Var ≈ (SE_t² − 2r·cov + r²·SE_c²)/Q_c², r = Q_t/Q_c. */
    private static Effect relative(QuantileMetric.ArmQuantile c, QuantileMetric.ArmQuantile t, double covariance,
                                   double alpha, Alternative alternative) {
        if (c.value() == 0) {
            return Effect.unavailable("the control value is 0, so a relative change is not defined");
        }
        double ratio = t.value() / c.value();
        double seC = c.standardError();
        double seT = t.standardError();
        double variance = (seT * seT - 2 * ratio * covariance + ratio * ratio * seC * seC) / (c.value() * c.value());
        return TInference.effect(ratio - 1, Math.sqrt(Math.max(0, variance)), Double.POSITIVE_INFINITY, alpha, alternative);
    }
}
