package dev.arbiter.analytics.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The quick version of the validation run (docs/validation.md has the 10,000-run record):
 * 1,000 A/A and 1,000 A/B experiments per kind, seed 1. Bounds are the 99.9% binomial band
 * around the nominal rate (±3.29 standard errors), so a correct procedure fails this test about
 * once in a thousand seeds, and a procedure that is off by 3 points fails it nearly always.
 */
class SimulationTest {
    private static final int RUNS = 1000;
    private static final double BAND_FPR = 3.29 * Math.sqrt(0.05 * 0.95 / RUNS);
    private static final List<Simulation.Outcome> OUTCOMES = Simulation.run(RUNS, 1);

    private static Simulation.Outcome outcome(Simulation.Kind kind) {
        return OUTCOMES.stream().filter(o -> o.kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void fixedHorizonKindsHaveNominalFalsePositivesAndCoverage() {
        for (Simulation.Kind kind : Simulation.Kind.values()) {
            if (kind.target() != Simulation.Target.FIXED) {
                continue;
            }
            Simulation.Outcome o = outcome(kind);
            assertTrue(Math.abs(o.falsePositiveRate() - 0.05) <= BAND_FPR, kind + " A/A false positives " + o.falsePositiveRate());
            assertTrue(Math.abs(o.coverage() - 0.95) <= BAND_FPR, kind + " coverage " + o.coverage());
        }
    }

    @Test
    void sequentialStaysValidAcrossThirtyLooks() {
        Simulation.Outcome o = outcome(Simulation.Kind.SEQUENTIAL);
        assertTrue(o.falsePositiveRate() <= 0.05, "false positives over 30 looks " + o.falsePositiveRate());
        assertTrue(o.coverage() >= 0.95, "coverage at every look " + o.coverage());
    }

    @Test
    void naivePerRequestTestIsAntiConservative() {
        Simulation.Outcome o = outcome(Simulation.Kind.NAIVE_PER_REQUEST);
        assertTrue(o.falsePositiveRate() > 0.10, "naive A/A false positives " + o.falsePositiveRate());
        assertTrue(o.coverage() < 0.90, "naive coverage " + o.coverage());
        assertTrue(o.falsePositiveRate() > 2 * outcome(Simulation.Kind.RATIO).falsePositiveRate());
    }

    @Test
    void sameSeedGivesTheSameResult() {
        assertEquals(outcome(Simulation.Kind.CUPED), Simulation.run(Simulation.Kind.CUPED, RUNS, 1));
    }

    @Test
    void targetsAreTheBinomialBandsOfTheRunsMade() {
        // issue 16 #9. R 4.2.2: qbinom(c(0.005, 0.995), 10000, 0.05) = 445 557;
        // qbinom(c(0.005, 0.995), 2000, 0.05) = 76 126; qbinom(c(0.0005, 0.9995), 10000, 0.95) = 9427 9570
        assertEquals(new Simulation.Band(0.0445, 0.0557), Simulation.Band.of(10_000, 0.05, Simulation.FPR_LEVEL));
        assertEquals(new Simulation.Band(0.038, 0.063), Simulation.Band.of(2_000, 0.05, Simulation.FPR_LEVEL));
        assertEquals(new Simulation.Band(0.9427, 0.957), Simulation.Band.of(10_000, 0.95, Simulation.COVERAGE_LEVEL));
        // 5.8% of 2,000 runs is chance (inside 3.8–6.3%); of 10,000 runs it is a miss
        assertTrue(new Simulation.Outcome(Simulation.Kind.PROPORTION, 2_000, 0.058, 0.95).meetsTarget());
        assertTrue(!new Simulation.Outcome(Simulation.Kind.PROPORTION, 10_000, 0.058, 0.95).meetsTarget());
    }

    @Test
    void threeArmsWithHolmKeepTheFamilyWiseErrorAtAlpha() {
        // issue 16 #3: read at α each, a 3-arm A/A/A calls something significant about 9.4% of the time
        Simulation.Outcome o = outcome(Simulation.Kind.THREE_ARMS);
        assertTrue(o.meetsTarget(), "family-wise false positives " + o.falsePositiveRate() + ", coverage " + o.coverage());
    }

    @Test
    void peekingAtAP95GuardrailThirtyTimesStaysValid() {
        // issue 16 #5: quantiles read on the confidence sequence in sequential mode
        Simulation.Outcome o = outcome(Simulation.Kind.SEQUENTIAL_P95);
        assertTrue(o.meetsTarget(), "false positives over 30 looks " + o.falsePositiveRate() + ", coverage " + o.coverage());
    }
}
