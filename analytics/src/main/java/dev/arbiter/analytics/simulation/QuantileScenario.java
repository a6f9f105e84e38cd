package dev.arbiter.analytics.simulation;

import dev.arbiter.analytics.Alternative;
import dev.arbiter.analytics.Comparison;
import dev.arbiter.analytics.QuantileMetric;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.NormalDistribution;
import java.util.Arrays;

/**
 * p95 latency over requests, 1,000 sessions per arm with 1–10 requests each; log latency =
 * ln 800 + session effect N(0, 0.4²) + request noise N(0, 0.5²), so events are correlated
 * within sessions and the true p95 is 800·exp(z₀.₉₅·√0.41). A/B multiplies latency by 1.1.
 */
final class QuantileScenario {
    private QuantileScenario() {
    }

    private static final int SESSIONS = 1000;
    private static final double TRUE_P95 = 800 * Math.exp(NormalDistribution.of(0, 1).inverseCumulativeProbability(0.95)
            * Math.sqrt(0.41));

    static Scenario create() {
        return new PlantedEffect(1, 1.1, 0.1 * TRUE_P95, QuantileScenario::compare);
    }

    static Comparison compare(UniformRandomProvider rng, double lift) {
        Draws draws = new Draws(rng);
        return QuantileMetric.compare(arm(draws, 1), arm(draws, lift), 0.05, Alternative.TWO_SIDED);
    }

    private static QuantileMetric.ArmQuantile arm(Draws draws, double lift) {
        int capacity = SESSIONS * 10;
        double[] values = new double[capacity];
        long[] units = new long[capacity];
        int events = 0;
        for (int s = 0; s < SESSIONS; s++) {
            double sessionEffect = 0.4 * draws.normal();
            int k = draws.integer(1, 10);
            for (int r = 0; r < k; r++) {
                values[events] = lift * 800 * Math.exp(sessionEffect + 0.5 * draws.normal());
                units[events] = s;
                events++;
            }
        }
        return QuantileMetric.estimate(Arrays.copyOf(values, events), Arrays.copyOf(units, events),
                0.95, 0.05);
    }
}
