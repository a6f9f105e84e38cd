package dev.arbiter.analytics.simulation;

import dev.arbiter.analytics.Alternative;
import dev.arbiter.analytics.Comparison;
import dev.arbiter.analytics.CovariateMoments;
import dev.arbiter.analytics.PairedComparison;
import dev.arbiter.analytics.PairedQuantile;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.ContinuousDistribution;

/**
 * An eval set of 400 items replayed through two candidates (issue 18): items differ a lot in
 * difficulty, shared by both arms, so the pairs are strongly correlated. Each generator plants an
 * effect whose population value is exact, for the coverage check.
 */
final class PairedScenario {
    static final int ITEMS = 400;
    private static final int P95_ITEMS = 1500;
    private static final double ALPHA = 0.05;

    private PairedScenario() {
    }

    /** One item's values in both arms: {control, treatment}. */
    @FunctionalInterface
    interface ItemPair {
        double[] draw(Draws draws, double effect);
    }

    /**
     * A judge's score: item difficulty N(0, 1) shared by both arms, three judgments per item and arm
     * with noise N(0, 0.5²), averaged per item (samples clustered by item); the treatment adds 0.1.
     */
    static Scenario score() {
        return planted(0.1, false, PairedScenario::scorePair);
    }

    /** One item's score in control and treatment (three judgments each, averaged), sharing its difficulty. */
    static double[] scorePair(Draws draws, double effect) {
        double difficulty = draws.normal();
        return new double[] {difficulty + judged(draws), difficulty + effect + judged(draws)};
    }

    /** Pass/fail: item pass chance 0.8·Beta(2, 2) (mean 0.4) in control, 0.1 higher in treatment. */
    static Scenario passFail() {
        return new PlantedEffect(0, 0.1, 0.1, (rng, effect) -> {
            Draws draws = new Draws(rng);
            ContinuousDistribution.Sampler ease = draws.beta(2, 2);
            return run(draws, true, effect, (d, e) -> {
                double p = 0.8 * ease.sample();
                return new double[] {d.bernoulli(p) ? 1 : 0, d.bernoulli(p + e) ? 1 : 0};
            });
        });
    }

    /**
     * A pairwise preference against a reference, as AlpacaEval scores it (preference − 1): a win (1)
     * with the item's chance 0.8·Beta(2, 5) (+0.05 in treatment), a tie (0.5) with chance 0.05, else a loss (0).
     */
    static Scenario preference() {
        return new PlantedEffect(0, 0.05, 0.05, (rng, effect) -> {
            Draws draws = new Draws(rng);
            ContinuousDistribution.Sampler strength = draws.beta(2, 5);
            return run(draws, false, effect, (d, e) -> {
                double win = 0.8 * strength.sample();
                return new double[] {preference(d, win), preference(d, win + e)};
            });
        });
    }

    /**
     * p95 latency over the answers of 1,500 items (a p95 needs more answers than a mean: with 400 items
     * the order-statistic interval is 4% wide of the truth, conservative): per item and arm 1–3 answers,
     * ln latency = ln 800 + N(0, 0.4²) per
     * item (shared by the arms) + N(0, 0.5²) per answer; the treatment multiplies latency by 1.1, so
     * the true p95 difference is 0.1 × 800·exp(z₀.₉₅·√0.41).
     */
    static Scenario p95() {
        double p95 = 800 * Math.exp(NormalDistribution.of(0, 1).inverseCumulativeProbability(0.95) * Math.sqrt(0.41));
        return new PlantedEffect(1, 1.1, 0.1 * p95, (rng, lift) -> {
            Draws draws = new Draws(rng);
            double[][] control = new double[P95_ITEMS][];
            double[][] treatment = new double[P95_ITEMS][];
            for (int i = 0; i < P95_ITEMS; i++) {
                double item = 0.4 * draws.normal();
                control[i] = latencies(draws, item, 1);
                treatment[i] = latencies(draws, item, lift);
            }
            return PairedQuantile.compare(PairedQuantile.arm(control, 0.95, ALPHA), PairedQuantile.arm(treatment, 0.95, ALPHA),
                    ALPHA, Alternative.TWO_SIDED);
        });
    }

    private static double[] latencies(Draws draws, double item, double lift) {
        double[] values = new double[draws.integer(1, 3)];
        for (int k = 0; k < values.length; k++) {
            values[k] = lift * 800 * Math.exp(item + 0.5 * draws.normal());
        }
        return values;
    }

    private static Scenario planted(double effect, boolean binary, ItemPair pair) {
        return new PlantedEffect(0, effect, effect, (rng, e) -> run(new Draws(rng), binary, e, pair));
    }

    /** One replay of the eval set: every item through both arms, compared on the pairs. */
    static Comparison run(Draws draws, boolean binary, double effect, ItemPair pair) {
        double[] control = new double[ITEMS];
        double[] treatment = new double[ITEMS];
        for (int i = 0; i < ITEMS; i++) {
            double[] values = pair.draw(draws, effect);
            control[i] = values[0];
            treatment[i] = values[1];
        }
        return PairedComparison.compare(CovariateMoments.of(treatment, control), binary, ALPHA, Alternative.TWO_SIDED);
    }

    private static double judged(Draws draws) {
        return (draws.normal() + draws.normal() + draws.normal()) / 3 * 0.5;
    }

    private static double preference(Draws draws, double win) {
        double u = draws.uniform();
        return u < win ? 1 : u < win + 0.05 ? 0.5 : 0;
    }
}
