package dev.arbiter.analytics.simulation;

import dev.arbiter.analytics.Alternative;
import dev.arbiter.analytics.Comparison;
import dev.arbiter.analytics.QuantileMetric;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Quantiles of tied values, where an order-statistic method fails (issue 16 #1): integer game
 * rounds, one value per user, 20,000 users per arm, rounds = ⌊exp(μ + 1.6·Z)⌋ with μ = ln 17 so
 * that exactly half the users play at most 16 rounds (the median sits on a jump, as in the
 * mobile-game data); and 1–5 ratings over sessions of 1–10 ratings, 4,000 sessions per arm, each
 * session drawing from a critical or a content rater's distribution (clustered). A/B adds 2
 * rounds or 1 star to every value, which moves any mid-quantile by exactly that much.
 */
final class TiedQuantileScenario {
    private static final int USERS = 20_000;
    private static final int SESSIONS = 4_000;
    private static final double[][] RATERS = {{0.25, 0.25, 0.25, 0.15, 0.10}, {0.05, 0.10, 0.25, 0.30, 0.30}};

    private TiedQuantileScenario() {
    }

    /** A quantile of integer game rounds, one per user. */
    static Scenario gameRounds(double p) {
        return new PlantedEffect(0, 2, 2, (rng, shift) -> compare(rng, shift, p, TiedQuantileScenario::rounds));
    }

    /** The median of 1–5 ratings, clustered in sessions. */
    static Scenario ratingsMedian() {
        return new PlantedEffect(0, 1, 1, (rng, shift) -> compare(rng, shift, 0.5, TiedQuantileScenario::ratings));
    }

    /** Draws one arm's values into {@code values}/{@code units}; returns how many events. */
    @FunctionalInterface
    private interface Arm {
        int draw(UniformRandomProvider rng, double shift, double[] values, long[] units);
    }

    private static Comparison compare(UniformRandomProvider rng, double shift, double p, Arm arm) {
        return QuantileMetric.compare(estimate(rng, 0, p, arm), estimate(rng, shift, p, arm), 0.05, Alternative.TWO_SIDED);
    }

    private static QuantileMetric.ArmQuantile estimate(UniformRandomProvider rng, double shift, double p, Arm arm) {
        double[] values = new double[SESSIONS * 10 + USERS];
        long[] units = new long[values.length];
        int events = arm.draw(rng, shift, values, units);
        return QuantileMetric.estimate(Arrays.copyOf(values, events), Arrays.copyOf(units, events), p, 0.05);
    }

    private static int rounds(UniformRandomProvider rng, double shift, double[] values, long[] units) {
        Draws draws = new Draws(rng);
        double mu = Math.log(17);
        for (int user = 0; user < USERS; user++) {
            values[user] = Math.floor(Math.exp(mu + 1.6 * draws.normal())) + shift;
            units[user] = user;
        }
        return USERS;
    }

    private static int ratings(UniformRandomProvider rng, double shift, double[] values, long[] units) {
        Draws draws = new Draws(rng);
        int events = 0;
        for (int session = 0; session < SESSIONS; session++) {
            double[] rater = RATERS[draws.integer(0, 1)];
            int k = draws.integer(1, 10);
            for (int r = 0; r < k; r++) {
                values[events] = star(rater, rng.nextDouble()) + shift;
                units[events] = session;
                events++;
            }
        }
        return events;
    }

    private static int star(double[] probabilities, double u) {
        double cumulative = 0;
        for (int s = 0; s < probabilities.length; s++) {
            cumulative += probabilities[s];
            if (u < cumulative) {
                return s + 1;
            }
        }
        return probabilities.length;
    }
}
