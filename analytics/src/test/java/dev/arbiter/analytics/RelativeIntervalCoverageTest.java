package dev.arbiter.analytics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 #7 by simulation: the relative interval (delta method, or Fieller's where the delta
 * method would contradict the absolute test) covers the planted relative change about 95% of the
 * time on data shaped like real data — rare conversions (discrete, many ties) and heavy-tailed
 * costs — and never claims a relative change the absolute test does not. 2,000 seeded runs each;
 * coverage must lie in the central 99.9% of Binomial(2000, 0.95)/2000 = [0.9335, 0.9655]
 * (R 4.2.2: qbinom(c(0.0005, 0.9995), 2000, 0.95) / 2000).
 */
class RelativeIntervalCoverageTest {
    private static final int RUNS = 2000;
    private static final double LOW = 0.9335;
    private static final double HIGH = 0.9655;
    private static final WelchTest WELCH = WelchTest.withDefaults();

    @Test
    void rareConversionsWithTies() {
        SplittableRandom random = new SplittableRandom(7);
        int covered = 0;
        for (int run = 0; run < RUNS; run++) {
            Comparison c = WELCH.compare(ArmEstimate.proportion(1500, binomial(random, 1500, 0.02)),
                    ArmEstimate.proportion(1500, binomial(random, 1500, 0.025)), "p");
            covered += check(c, 0.25) ? 1 : 0;
        }
        double coverage = (double) covered / RUNS;
        assertTrue(coverage >= LOW && coverage <= HIGH, "coverage of +25% on 2% conversions: " + coverage);
    }

    @Test
    void heavyTailedCosts() {
        SplittableRandom random = new SplittableRandom(11);
        int covered = 0;
        for (int run = 0; run < RUNS; run++) {
            Comparison c = WELCH.compare(ArmEstimate.mean(lognormal(random, 2000, 1.0)),
                    ArmEstimate.mean(lognormal(random, 2000, 1.2)), "mean");
            covered += check(c, 0.2) ? 1 : 0;
        }
        double coverage = (double) covered / RUNS;
        assertTrue(coverage >= LOW && coverage <= HIGH, "coverage of ×1.2 on lognormal(0, 1.2²) costs: " + coverage);
    }

    /** Whether the relative interval covers {@code truth}; fails when it contradicts the absolute test. */
    private static boolean check(Comparison c, double truth) {
        if (!c.relative().available()) {
            return false;
        }
        assertTrue(c.absolute().ci().contains(0) == c.relative().ci().contains(0), "absolute and relative disagree: " + c);
        return c.relative().ci().contains(truth);
    }

    private static int binomial(SplittableRandom random, int n, double p) {
        int count = 0;
        for (int i = 0; i < n; i++) {
            count += random.nextDouble() < p ? 1 : 0;
        }
        return count;
    }

    /** n draws of scale·exp(N(0, 1.2²)): skewness ≈ 12. */
    private static SampleMoments lognormal(SplittableRandom random, int n, double scale) {
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double u1 = random.nextDouble();
            double u2 = random.nextDouble();
            double z = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
            double x = scale * Math.exp(1.2 * z);
            sum += x;
            squares += x * x;
        }
        return new SampleMoments(n, sum, squares);
    }
}
