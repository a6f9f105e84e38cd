package dev.arbiter.analytics.simulation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.analytics.ArmEstimate;
import dev.arbiter.analytics.Comparison;
import dev.arbiter.analytics.SampleMoments;
import dev.arbiter.analytics.WelchTest;
import java.util.SplittableRandom;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * Why pairing matters (issue 18): on the same eval-set replays, an unpaired test leaves the items'
 * difficulty in its variance — badly conservative under A/A and nearly blind to the planted effect —
 * while the paired test keeps 5% (SimulationTest) and finds it.
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
