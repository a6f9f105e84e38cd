package dev.arbiter.analytics.simulation;

import dev.arbiter.analytics.ArmEstimate;
import dev.arbiter.analytics.Comparison;
import dev.arbiter.analytics.PValueAdjustment;
import dev.arbiter.analytics.WelchTest;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Three arms (control and two treatments), 2,000 users each at 10% conversion, the two comparisons
 * with control Holm-adjusted as the analysis does (issue 16 #3): an A/A/A trial is a false positive
 * when either adjusted p-value is below α (the family-wise error); the A/B trial plants +1 pp in
 * the first treatment and checks its interval.
 */
final class ThreeArmScenario implements Scenario {
    private static final int N = 2000;
    private static final double BASE = 0.10;
    private static final double EFFECT = 0.01;
    private static final WelchTest WELCH = WelchTest.withDefaults();

    @Override
    public boolean falsePositive(UniformRandomProvider rng) {
        Draws draws = new Draws(rng);
        ArmEstimate control = arm(draws, BASE);
        double[] p = {WELCH.compare(control, arm(draws, BASE), "p").absolute().pValue(),
            WELCH.compare(control, arm(draws, BASE), "p").absolute().pValue()};
        double[] adjusted = PValueAdjustment.HOLM.adjust(p);
        return adjusted[0] < WELCH.alpha() || adjusted[1] < WELCH.alpha();
    }

    @Override
    public boolean covers(UniformRandomProvider rng) {
        Draws draws = new Draws(rng);
        ArmEstimate control = arm(draws, BASE);
        Comparison first = WELCH.compare(control, arm(draws, BASE + EFFECT), "p");
        return first.absolute().ci().contains(EFFECT);
    }

    private static ArmEstimate arm(Draws draws, double p) {
        int count = 0;
        for (int i = 0; i < N; i++) {
            count += draws.bernoulli(p) ? 1 : 0;
        }
        return ArmEstimate.proportion(N, count);
    }
}
