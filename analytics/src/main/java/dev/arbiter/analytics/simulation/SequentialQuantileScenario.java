package dev.arbiter.analytics.simulation;

import dev.arbiter.analytics.Alternative;
import dev.arbiter.analytics.Comparison;
import dev.arbiter.analytics.QuantileMetric;
import dev.arbiter.analytics.SequentialTest;
import java.util.Arrays;
import java.util.function.Predicate;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Peeking at a p95 latency guardrail (issue 16 #5): the quantile scenario's clustered sessions (1–10
 * requests, log latency = ln 800 + N(0, 0.4²) per session + N(0, 0.5²) per request), 30 looks every
 * 20 sessions per arm up to 600 (N* = 1,200), each look reading the p95 difference on the confidence
 * sequence. A false positive is a difference at any look; coverage needs the truth (+10%) inside the
 * sequence at every look.
 */
final class SequentialQuantileScenario implements Scenario {
    static final int LOOKS = 30;
    static final int STEP = 20;
    private static final double TRUE_P95 = 800 * Math.exp(NormalDistribution.of(0, 1).inverseCumulativeProbability(0.95)
            * Math.sqrt(0.41));
    private static final double LIFT = 1.1;
    private static final SequentialTest TEST = SequentialTest.withDefaults().withTuning(2.0 * LOOKS * STEP);

    @Override
    public boolean falsePositive(UniformRandomProvider rng) {
        return anyLook(rng, 1, Comparison::significant);
    }

    @Override
    public boolean covers(UniformRandomProvider rng) {
        double truth = (LIFT - 1) * TRUE_P95;
        return !anyLook(rng, LIFT, comparison -> !comparison.absolute().ci().contains(truth));
    }

    private static boolean anyLook(UniformRandomProvider rng, double lift, Predicate<Comparison> event) {
        Draws draws = new Draws(rng);
        Arm control = new Arm(LOOKS * STEP);
        Arm treatment = new Arm(LOOKS * STEP);
        for (int look = 1; look <= LOOKS; look++) {
            control.add(draws, 1, STEP);
            treatment.add(draws, lift, STEP);
            Comparison fixed = QuantileMetric.compare(control.p95(), treatment.p95(), 0.05, Alternative.TWO_SIDED);
            if (event.test(TEST.sequential(fixed, 2L * look * STEP))) {
                return true;
            }
        }
        return false;
    }

    /** One arm's events so far, sessions numbered in order. */
    private static final class Arm {
        private final double[] values;
        private final long[] units;
        private int events;
        private int sessions;

        Arm(int maxSessions) {
            values = new double[maxSessions * 10];
            units = new long[maxSessions * 10];
        }

        void add(Draws draws, double lift, int count) {
            for (int s = 0; s < count; s++, sessions++) {
                double sessionEffect = 0.4 * draws.normal();
                int k = draws.integer(1, 10);
                for (int r = 0; r < k; r++, events++) {
                    values[events] = lift * 800 * Math.exp(sessionEffect + 0.5 * draws.normal());
                    units[events] = sessions;
                }
            }
        }

        QuantileMetric.ArmQuantile p95() {
            return QuantileMetric.estimate(Arrays.copyOf(values, events), Arrays.copyOf(units, events), 0.95, 0.05);
        }
    }
}
