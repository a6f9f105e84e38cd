package dev.arbiter.analytics.simulation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.analytics.Alternative;
import dev.arbiter.analytics.ArmEstimate;
import dev.arbiter.analytics.Comparison;
import dev.arbiter.analytics.CovariateMoments;
import dev.arbiter.analytics.PairedComparison;
import dev.arbiter.analytics.PairedQuantile;
import dev.arbiter.analytics.SampleMoments;
import dev.arbiter.analytics.WelchTest;
import java.util.SplittableRandom;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * Why pairing matters, and on what (issue 18): on the same eval-set replays, an unpaired test leaves the
 * items' difficulty in its variance — badly conservative under A/A and nearly blind to the planted
 * effect — while the paired test keeps 5% (SimulationTest) and finds it; and repeated judgments of an
 * item must be one value of that item, not pairs of their own.
 */
class PairedScenarioTest {
    private static final int RUNS = 500;

    @Test
    void anUnpairedTestOnPairedDataIsConservativeAndLosesThePower() {
        SplittableRandom random = new SplittableRandom(3);
        UniformRandomProvider rng = random::nextLong;
        int unpairedFalse = 0;
        int unpairedFound = 0;
        int pairedFound = 0;
        for (int run = 0; run < RUNS; run++) {
            unpairedFalse += unpaired(new Draws(rng), 0).significant() ? 1 : 0;
            unpairedFound += unpaired(new Draws(rng), 0.1).significant() ? 1 : 0;
            pairedFound += PairedScenario.run(new Draws(rng), false, 0.1, PairedScenario::scorePair).significant() ? 1 : 0;
        }
        // item difficulty variance 1 against averaged judgment noise 0.25/3: the unpaired SE is about 3.6× the paired one
        assertTrue(unpairedFalse < 0.01 * RUNS, "unpaired A/A false positives " + unpairedFalse + " of " + RUNS);
        assertTrue(pairedFound > 0.95 * RUNS, "paired power " + pairedFound + " of " + RUNS);
        assertTrue(unpairedFound < 0.3 * RUNS, "unpaired power " + unpairedFound + " of " + RUNS);
    }

    /**
     * Items react differently to the treatment (an item × arm effect N(0, 0.5²) shared by an item's
     * 3 judgments): paired per item, the A/A test keeps 5%; treating every judgment as its own pair —
     * the naive reading of repeated samples — is anti-conservative.
     */
    @Test
    void repeatedJudgmentsTreatedAsIndependentPairsAreAntiConservative() {
        SplittableRandom random = new SplittableRandom(7);
        UniformRandomProvider rng = random::nextLong;
        int itemLevel = 0;
        int judgmentLevel = 0;
        for (int run = 0; run < RUNS; run++) {
            Draws draws = new Draws(rng);
            double[] controlItems = new double[PairedScenario.ITEMS];
            double[] treatmentItems = new double[PairedScenario.ITEMS];
            double[] controlJudgments = new double[3 * PairedScenario.ITEMS];
            double[] treatmentJudgments = new double[3 * PairedScenario.ITEMS];
            for (int i = 0; i < PairedScenario.ITEMS; i++) {
                double difficulty = draws.normal();
                double reaction = 0.5 * draws.normal(); // the treatment's effect on this item; 0 on average
                for (int j = 0; j < 3; j++) {
                    controlJudgments[3 * i + j] = difficulty + 0.5 * draws.normal();
                    treatmentJudgments[3 * i + j] = difficulty + reaction + 0.5 * draws.normal();
                    controlItems[i] += controlJudgments[3 * i + j] / 3;
                    treatmentItems[i] += treatmentJudgments[3 * i + j] / 3;
                }
            }
            itemLevel += paired(treatmentItems, controlItems) ? 1 : 0;
            judgmentLevel += paired(treatmentJudgments, controlJudgments) ? 1 : 0;
        }
        double band = 3.29 * Math.sqrt(0.05 * 0.95 / RUNS);
        assertTrue(Math.abs(itemLevel / (double) RUNS - 0.05) <= band, "per item: " + itemLevel + " of " + RUNS);
        // within-item correlation of the judgment differences 0.25 / 0.75: a design effect of 5/3, about 13% expected
        assertTrue(judgmentLevel > 0.09 * RUNS, "per judgment: " + judgmentLevel + " of " + RUNS);
    }

    /**
     * The quantile on tied values (the audit's trap: an order statistic on tied integers gave 60% false
     * positives): latencies in whole 100 ms steps, and 1–5 ratings, each item shared by the arms, A/A.
     */
    @Test
    void pairedQuantilesOnTiedValuesKeepFivePercent() {
        SplittableRandom random = new SplittableRandom(11);
        UniformRandomProvider rng = random::nextLong;
        int steps = 0;
        int ratings = 0;
        int runs = 1000;
        for (int run = 0; run < runs; run++) {
            Draws draws = new Draws(rng);
            steps += pairedQuantile(draws, 0.95, (d, item) -> 100 * Math.round(8 * Math.exp(0.4 * item + 0.6 * d.normal())))
                    .significant() ? 1 : 0;
            ratings += pairedQuantile(draws, 0.5, (d, item) -> Math.min(5, Math.max(1, Math.round(3 + 0.8 * item + 1.2 * d.normal()))))
                    .significant() ? 1 : 0;
        }
        double band = 3.29 * Math.sqrt(0.05 * 0.95 / runs);
        assertTrue(Math.abs(steps / (double) runs - 0.05) <= band, "100 ms steps, p95: " + steps + " of " + runs);
        assertTrue(Math.abs(ratings / (double) runs - 0.05) <= band, "1-5 ratings, median: " + ratings + " of " + runs);
    }

    /** One answer's value given its item's level (a standard normal shared by the item's answers in both arms). */
    @FunctionalInterface
    private interface Answer {
        double value(Draws draws, double item);
    }

    /** An A/A paired quantile over 1,500 items of 1–3 answers each per arm. */
    private static Comparison pairedQuantile(Draws draws, double p, Answer answer) {
        double[][] control = new double[1500][];
        double[][] treatment = new double[1500][];
        for (int i = 0; i < control.length; i++) {
            double item = draws.normal();
            control[i] = answers(draws, answer, item);
            treatment[i] = answers(draws, answer, item);
        }
        return PairedQuantile.compare(PairedQuantile.arm(control, p, 0.05), PairedQuantile.arm(treatment, p, 0.05), 0.05,
                Alternative.TWO_SIDED);
    }

    private static double[] answers(Draws draws, Answer answer, double item) {
        double[] values = new double[draws.integer(1, 3)];
        for (int k = 0; k < values.length; k++) {
            values[k] = answer.value(draws, item);
        }
        return values;
    }

    /** Heavy tails: a cost per item, lognormal(σ = 1.2) with an item level shared by the arms (skewness ≈ 9). */
    @Test
    void aHeavyTailedPairedMeanKeepsFivePercentAndCoversTheTruth() {
        SplittableRandom random = new SplittableRandom(13);
        UniformRandomProvider rng = random::nextLong;
        int falsePositives = 0;
        int covered = 0;
        int runs = 1000;
        double mean = Math.exp(-3 + 1.2 * 1.2 / 2 + 0.5 * 0.5 / 2);
        for (int run = 0; run < runs; run++) {
            falsePositives += cost(new Draws(rng), 1).significant() ? 1 : 0;
            covered += cost(new Draws(rng), 1.1).absolute().ci().contains(0.1 * mean) ? 1 : 0;
        }
        double band = 3.29 * Math.sqrt(0.05 * 0.95 / runs);
        assertTrue(Math.abs(falsePositives / (double) runs - 0.05) <= band, "A/A: " + falsePositives + " of " + runs);
        assertTrue(Math.abs(covered / (double) runs - 0.95) <= band, "coverage: " + covered + " of " + runs);
    }

    private static Comparison cost(Draws draws, double lift) {
        double[] control = new double[PairedScenario.ITEMS];
        double[] treatment = new double[PairedScenario.ITEMS];
        for (int i = 0; i < control.length; i++) {
            double item = 0.5 * draws.normal();
            control[i] = Math.exp(-3 + item + 1.2 * draws.normal());
            treatment[i] = lift * Math.exp(-3 + item + 1.2 * draws.normal());
        }
        return PairedComparison.compare(CovariateMoments.of(treatment, control), false, 0.05, Alternative.TWO_SIDED);
    }

    private static boolean paired(double[] treatment, double[] control) {
        return PairedComparison.compare(CovariateMoments.of(treatment, control), false, 0.05, Alternative.TWO_SIDED).significant();
    }

    private static Comparison unpaired(Draws draws, double effect) {
        double[] control = new double[PairedScenario.ITEMS];
        double[] treatment = new double[PairedScenario.ITEMS];
        for (int i = 0; i < PairedScenario.ITEMS; i++) {
            double[] pair = PairedScenario.scorePair(draws, effect);
            control[i] = pair[0];
            treatment[i] = pair[1];
        }
        return WelchTest.withDefaults().compare(ArmEstimate.mean(SampleMoments.of(control)),
                ArmEstimate.mean(SampleMoments.of(treatment)), "unpaired");
    }
}
