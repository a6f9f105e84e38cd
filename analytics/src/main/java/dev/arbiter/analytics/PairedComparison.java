package dev.arbiter.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Two arms measured on the same items (an eval set replayed through both candidates): inference on
 * the item-level differences d = treatment − control, which removes the items' shared difficulty
 * that an unpaired test leaves in its variance (docs/methods.md, "Paired designs").
 *
 * <p>From the pairs' sums ({@link CovariateMoments} with Y = treatment and X = control per item):
 * <ul>
 *   <li>a score: the paired t-test and interval, s²(d) with n − 1 (R {@code t.test(y, x, paired = TRUE)});</li>
 *   <li>a pass/fail outcome (every value 0 or 1): the difference in pass rates (c − b)/n with the Wald
 *       interval of paired proportions, Var = (b + c − (b − c)²/n)/n² from the discordant pairs b and c
 *       (Agresti, <i>Categorical Data Analysis</i> §10.1), and McNemar's χ² in the notes;</li>
 *   <li>the relative effect mean(T)/mean(C) − 1 by the delta method with the pairs' covariance.</li>
 * </ul>
 * Several samples of an item are averaged into one value per item and arm before this, so repeated
 * samples are clustered by item, never counted as independent.
 */
public final class PairedComparison {
    private PairedComparison() {
    }

    /**
     * @param pairs       per item Y = treatment value, X = control value, over items answered by both
     * @param binary      every value is 0 or 1 (pass/fail)
     * @param alpha       significance level
     * @param alternative the alternative hypothesis
     */
    public static Comparison compare(CovariateMoments pairs, boolean binary, double alpha, Alternative alternative) {
        long n = pairs.n();
        ArmEstimate control = arm(n, pairs.sumX(), pairs.sumXSquares(), binary);
        ArmEstimate treatment = arm(n, pairs.sumY(), pairs.sumYSquares(), binary);
        if (n < 2) {
            Effect none = Effect.unavailable("fewer than 2 items were answered by both arms");
            return new Comparison(control, treatment, none, none, method(binary), alpha, alternative, List.of());
        }
        double meanDifference = (pairs.sumY() - pairs.sumX()) / n;
        double sumSquaredDifferences = pairs.sumYSquares() - 2 * pairs.sumXY() + pairs.sumXSquares();
        double centred = Math.max(0, sumSquaredDifferences - n * meanDifference * meanDifference);
        Effect absolute = binary
                ? TInference.effect(meanDifference, Math.sqrt(centred) / n, Double.POSITIVE_INFINITY, alpha, alternative)
                : TInference.effect(meanDifference, Math.sqrt(centred / (n - 1) / n), n - 1, alpha, alternative);
        Effect relative = relative(pairs, binary, alpha, alternative);
        List<String> notes = new ArrayList<>();
        notes.add("paired on " + n + " items");
        if (binary) {
            notes.add(mcNemar(pairs));
        }
        return new Comparison(control, treatment, absolute, relative, method(binary), alpha, alternative, notes);
    }

    private static final String PROPORTIONS = "paired difference of proportions (McNemar)";
    private static final String SCORES = "paired t-test";

    private static String method(boolean binary) {
        return binary ? PROPORTIONS : SCORES;
    }

    /** Whether {@code comparison} was made here, on pairs (its treatment's n is then the number of items paired). */
    public static boolean isPaired(Comparison comparison) {
        return comparison.method().equals(PROPORTIONS) || comparison.method().equals(SCORES);
    }

    /** An arm's value over the paired items: a mean (n − 1) or a proportion p(1 − p). */
    private static ArmEstimate arm(long n, double sum, double sumSquares, boolean binary) {
        return binary ? ArmEstimate.proportion(n, sum) : ArmEstimate.mean(new SampleMoments(n, sum, sumSquares));
    }

    /** mean(T)/mean(C) − 1 with Var ≈ (s²T − 2r·sTC + r²·s²C) / (n·mean(C)²), r = mean(T)/mean(C). */
    private static Effect relative(CovariateMoments pairs, boolean binary, double alpha, Alternative alternative) {
        long n = pairs.n();
        double meanT = pairs.sumY() / n;
        double meanC = pairs.sumX() / n;
        if (meanC == 0) {
            return Effect.unavailable("the control's mean is 0");
        }
        double divisor = binary ? n : n - 1;
        double varT = (pairs.sumYSquares() - n * meanT * meanT) / divisor;
        double varC = (pairs.sumXSquares() - n * meanC * meanC) / divisor;
        double cov = (pairs.sumXY() - n * meanT * meanC) / divisor;
        double ratio = meanT / meanC;
        double variance = (varT - 2 * ratio * cov + ratio * ratio * varC) / (n * meanC * meanC);
        return TInference.effect(ratio - 1, Math.sqrt(Math.max(0, variance)), binary ? Double.POSITIVE_INFINITY : n - 1,
                alpha, alternative);
    }

    /** McNemar's χ² (no continuity correction) on the discordant pairs, as R's mcnemar.test(correct = FALSE). */
    private static String mcNemar(CovariateMoments pairs) {
        // for 0/1 values: b + c = Σ(Y − X)², c − b = ΣY − ΣX
        double discordant = pairs.sumYSquares() - 2 * pairs.sumXY() + pairs.sumXSquares();
        double net = pairs.sumY() - pairs.sumX();
        if (discordant == 0) {
            return "McNemar: no discordant items";
        }
        double chiSquare = net * net / discordant;
        double p = ChiSquaredDistribution.of(1).survivalProbability(chiSquare);
        return String.format(Locale.ROOT, "McNemar χ² = %.3f on %d discordant items, p = %.4g", chiSquare,
                Math.round(discordant), p);
    }
}
