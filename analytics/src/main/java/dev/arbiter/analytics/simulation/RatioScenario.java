package dev.arbiter.analytics.simulation;

import dev.arbiter.analytics.Comparison;
import dev.arbiter.analytics.WelchTest;
import org.apache.commons.rng.UniformRandomProvider;

/** Refusals per request, sessions randomised, delta method over sessions; A/B multiplies the rate by 1.2. */
final class RatioScenario {
    private RatioScenario() {
    }

    static final int SESSIONS = 2000;

    static Scenario create() {
        return new PlantedEffect(1, 1.2, 0.2 * SessionRequests.MEAN_RATE, RatioScenario::compare);
    }

    static Comparison compare(UniformRandomProvider rng, double lift) {
        Draws draws = new Draws(rng);
        return WelchTest.withDefaults().compare(SessionRequests.moments(SessionRequests.draw(draws, SESSIONS, 1)).estimate(),
                SessionRequests.moments(SessionRequests.draw(draws, SESSIONS, lift)).estimate(), "ratio");
    }
}
