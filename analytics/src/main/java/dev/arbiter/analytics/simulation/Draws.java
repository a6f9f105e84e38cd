package dev.arbiter.analytics.simulation;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.apache.commons.statistics.distribution.LogNormalDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/** Random draws for the scenarios, from Commons Statistics' samplers. */
final class Draws {
    private final UniformRandomProvider rng;
    private final ContinuousDistribution.Sampler normal;

    Draws(UniformRandomProvider rng) {
        this.rng = rng;
        this.normal = NormalDistribution.of(0, 1).createSampler(rng);
    }

    double normal() {
        return normal.sample();
    }

    /** Uniform in [0, 1). */
    double uniform() {
        return rng.nextDouble();
    }

    boolean bernoulli(double p) {
        return rng.nextDouble() < p;
    }

    /** Uniform integer in [low, high]. */
    int integer(int low, int high) {
        return low + rng.nextInt(high - low + 1);
    }

    ContinuousDistribution.Sampler logNormal(double mu, double sigma) {
        return LogNormalDistribution.of(mu, sigma).createSampler(rng);
    }

    ContinuousDistribution.Sampler gamma(double shape, double scale) {
        return GammaDistribution.of(shape, scale).createSampler(rng);
    }

    ContinuousDistribution.Sampler beta(double a, double b) {
        return BetaDistribution.of(a, b).createSampler(rng);
    }
}
