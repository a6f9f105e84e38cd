package dev.arbiter.analytics.simulation;

import dev.arbiter.analytics.RatioMoments;

/**
 * Sessions of 1–10 requests whose refusal propensity is shared within the session
 * (Beta(0.5, 4.5): mean 10%, intra-session correlation 1/6), as per-session numerators
 * (refusals) and denominators (requests).
 */
final class SessionRequests {
    static final double MEAN_RATE = 0.10;

    private SessionRequests() {
    }

    /** Per-session refusals and requests for {@code sessions} sessions, rates multiplied by {@code lift}. */
    static double[][] draw(Draws draws, int sessions, double lift) {
        var propensity = draws.beta(0.5, 4.5);
        double[] refusals = new double[sessions];
        double[] requests = new double[sessions];
        for (int s = 0; s < sessions; s++) {
            double p = Math.min(1, propensity.sample() * lift);
            int k = draws.integer(1, 10);
            requests[s] = k;
            for (int r = 0; r < k; r++) {
                refusals[s] += draws.bernoulli(p) ? 1 : 0;
            }
        }
        return new double[][] {refusals, requests};
    }

    static RatioMoments moments(double[][] sessions) {
        return RatioMoments.of(sessions[0], sessions[1]);
    }
}
