package dev.arbiter.analytics.simulation;

import dev.arbiter.analytics.Comparison;
import dev.arbiter.analytics.CovariateMoments;
import dev.arbiter.analytics.Cuped;
import dev.arbiter.analytics.WelchTest;
import org.apache.commons.rng.UniformRandomProvider;

/** Y = 1 + 0.8·X + N(0,1), X ~ Gamma(2, 1) pre-period; 1,000 users per arm; A/B adds 0.1 to Y. */
final class CupedScenario {
    private CupedScenario() {
    }

    private static final int N = 1000;
    private static final double EFFECT = 0.1;

    static Scenario create() {
        return new PlantedEffect(0, EFFECT, EFFECT, CupedScenario::compare);
    }

    static Comparison compare(UniformRandomProvider rng, double effect) {
        Draws draws = new Draws(rng);
        return Cuped.mean(arm(draws, 0), arm(draws, effect)).compare(WelchTest.withDefaults(), "CUPED mean");
    }

    private static CovariateMoments arm(Draws draws, double effect) {
        var covariate = draws.gamma(2, 1);
        double[] y = new double[N];
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = covariate.sample();
            y[i] = 1 + effect + 0.8 * x[i] + draws.normal();
        }
        return CovariateMoments.of(y, x);
    }
}
