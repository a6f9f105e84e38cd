package dev.arbiter.analytics.simulation;

import dev.arbiter.analytics.ArmEstimate;
import dev.arbiter.analytics.Comparison;
import dev.arbiter.analytics.WelchTest;
import org.apache.commons.rng.UniformRandomProvider;

/** Per-user conversion at 10%, 2,000 users per arm; the A/B trial plants +1 pp. */
final class ProportionScenario {
    private ProportionScenario() {
    }

    private static final int N = 2000;
    private static final double BASE = 0.10;
    private static final double EFFECT = 0.01;

    /** 2,000 users per arm at 10%; the A/B trial plants +1 pp. */
    static Scenario create() {
        return new PlantedEffect(BASE, BASE + EFFECT, EFFECT, (rng, pt) -> compare(rng, BASE, pt));
    }

    static Comparison compare(UniformRandomProvider rng, double pc, double pt) {
        Draws draws = new Draws(rng);
        return WelchTest.withDefaults().compare(ArmEstimate.proportion(N, successes(draws, pc)),
                ArmEstimate.proportion(N, successes(draws, pt)), "proportion");
    }

    private static int successes(Draws draws, double p) {
        int count = 0;
        for (int i = 0; i < N; i++) {
            count += draws.bernoulli(p) ? 1 : 0;
        }
        return count;
    }
}
