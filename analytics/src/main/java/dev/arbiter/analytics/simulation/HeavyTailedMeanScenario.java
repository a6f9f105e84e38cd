package dev.arbiter.analytics.simulation;

import dev.arbiter.analytics.ArmEstimate;
import dev.arbiter.analytics.Comparison;
import dev.arbiter.analytics.SampleMoments;
import dev.arbiter.analytics.WelchTest;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.ContinuousDistribution;

/** Cost per user, lognormal(−3, 1.2) (skewness ≈ 9), 4,000 users per arm; the A/B trial multiplies cost by 1.1. */
final class HeavyTailedMeanScenario {
    private HeavyTailedMeanScenario() {
    }

    private static final int N = 4000;
    private static final double MU = -3;
    private static final double SIGMA = 1.2;
    private static final double MEAN = Math.exp(MU + SIGMA * SIGMA / 2);

    static Scenario create() {
        return new PlantedEffect(1, 1.1, 0.1 * MEAN, HeavyTailedMeanScenario::compare);
    }

    static Comparison compare(UniformRandomProvider rng, double lift) {
        ContinuousDistribution.Sampler cost = new Draws(rng).logNormal(MU, SIGMA);
        return WelchTest.withDefaults().compare(ArmEstimate.mean(moments(cost, 1)), ArmEstimate.mean(moments(cost, lift)),
                "mean");
    }

    private static SampleMoments moments(ContinuousDistribution.Sampler cost, double lift) {
        double[] values = new double[N];
        for (int i = 0; i < N; i++) {
            values[i] = cost.sample() * lift;
        }
        return SampleMoments.of(values);
    }
}
