package dev.arbiter.analytics.simulation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.analytics.Alternative;
import dev.arbiter.analytics.ArmEstimate;
import dev.arbiter.analytics.Comparison;
import dev.arbiter.analytics.CovariateMoments;
import dev.arbiter.analytics.PairedComparison;
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
