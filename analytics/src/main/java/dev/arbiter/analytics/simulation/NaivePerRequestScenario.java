package dev.arbiter.analytics.simulation;

import dev.arbiter.analytics.ArmEstimate;
import dev.arbiter.analytics.Comparison;
import dev.arbiter.analytics.WelchTest;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The mistake Arbiter prevents: the same session-split data as {@link RatioScenario}, analysed as
 * if every request were independent (a per-request proportion test). Anti-conservative.
 */
final class NaivePerRequestScenario {
    private NaivePerRequestScenario() {
    }

    static Scenario create() {
        return new PlantedEffect(1, 1.2, 0.2 * SessionRequests.MEAN_RATE, NaivePerRequestScenario::compare);
    }

    static Comparison compare(UniformRandomProvider rng, double lift) {
        Draws draws = new Draws(rng);
        return WelchTest.withDefaults().compare(perRequest(SessionRequests.draw(draws, RatioScenario.SESSIONS, 1)),
                perRequest(SessionRequests.draw(draws, RatioScenario.SESSIONS, lift)), "naive per-request proportion");
    }

    private static ArmEstimate perRequest(double[][] sessions) {
        return ArmEstimate.proportion((long) Arrays.stream(sessions[1]).sum(), Arrays.stream(sessions[0]).sum());
    }
}
