package dev.arbiter.analytics;

import static dev.arbiter.analytics.Close.assertClose;
import static dev.arbiter.analytics.Close.assertRelative;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.statistics.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/** Expected values: reference-values.R block C (R 4.2.2 t.test with mu = ±margin). */
class NonInferiorityTest {
    private static final WelchTest WELCH = WelchTest.withDefaults();

    @Test
    void absoluteMarginHigherIsBetterMatchesShiftedTTest() {
        // R: t.test(t1, c1, mu = -0.5, alternative = "greater")  [C1]
        Comparison comparison = WELCH.compare(
                ArmEstimate.mean(new SampleMoments(50, 510.044827996026, 5338.39284134911)),
                ArmEstimate.mean(new SampleMoments(60, 688.023374347609, 8378.65653782978)), "mean");
        NonInferiority result = NonInferiority.test(comparison, 0.5, false, true);
        assertRelative(5.84894543130014e-05, result.pValue(), 1e-7, "p");
        // R's one-sided bound is for the difference itself: conf.int[1]
        assertClose(0.535730324003808, result.bound(), 1e-9, "bound");
        assertTrue(result.nonInferior());
    }

    @Test
    void smallSampleIsNotShownNonInferior() {
        // R: t.test(t3, c3, mu = -0.5, alternative = "greater")  [C2]
        Comparison comparison = WELCH.compare(ArmEstimate.mean(SampleMoments.of(3.1, 2.9, 3.3, 3.0, 3.2)),
                ArmEstimate.mean(SampleMoments.of(2.7, 2.9, 2.6, 3.0, 2.8, 2.5, 2.9)), "mean");
        NonInferiority result = NonInferiority.test(comparison, 0.5, false, true);
        assertRelative(0.0564843604938139, result.pValue(), 1e-7, "p");
        assertFalse(result.nonInferior());
    }

    @Test
    void lowerIsBetterTestsAgainstACeiling() {
        // R: t.test(t2, c2, mu = 0.01, alternative = "less")  [C3]: cost must not rise by more than 0.01
        Comparison comparison = WELCH.compare(
                ArmEstimate.mean(new SampleMoments(200, 17.1791138883074, 3.30441746827649)),
                ArmEstimate.mean(new SampleMoments(180, 26.6399174798768, 14.3155401493412)), "mean");
        NonInferiority result = NonInferiority.test(comparison, 0.01, false, false);
        assertRelative(0.996450171798385, result.pValue(), 1e-8, "p");
        assertFalse(result.nonInferior());
    }

    @Test
    void relativeMarginUsesTheRelativeEffect() {
        // Haiku vs Sonnet: 0.859 vs 0.871, "at >= 95% of Sonnet's rate" = relative margin 0.05.
        Comparison comparison = WELCH.compare(ArmEstimate.proportion(6000, 5226), ArmEstimate.proportion(6000, 5154), "p");
        NonInferiority result = NonInferiority.test(comparison, 0.05, true, true);
        double t = (comparison.relative().estimate() + 0.05) / comparison.relative().standardError();
        double p = TDistribution.of(comparison.relative().degreesOfFreedom())
                .survivalProbability(t);
        assertRelative(p, result.pValue(), 1e-12, "p");
        assertTrue(result.nonInferior(), "a 1.4% relative drop with SE 0.7% is within a 5% margin");
    }
}
