package dev.arbiter.analytics.simulation;

import org.apache.commons.rng.UniformRandomProvider;

/** One simulated metric kind: an A/A trial (false positive?) and an A/B trial (does the CI cover the truth?). */
interface Scenario {
    /** True when the procedure declares a difference between two identical arms. */
    boolean falsePositive(UniformRandomProvider rng);

    /** True when the procedure's 95% interval contains the planted effect. */
    boolean covers(UniformRandomProvider rng);
}
