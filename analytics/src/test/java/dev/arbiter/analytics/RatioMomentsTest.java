package dev.arbiter.analytics;

import static dev.arbiter.analytics.Close.assertClose;
import static dev.arbiter.analytics.Close.assertEffect;
import static dev.arbiter.analytics.Close.assertRelative;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** Expected values: reference-values.R block D (R 4.2.2, delta method written out in R). */
class RatioMomentsTest {
    private static final RatioMoments CONTROL = new RatioMoments(300, 139, 193, 1570, 10800, 932);
    private static final RatioMoments TREATMENT = new RatioMoments(320, 240, 422, 1779, 12299, 1645);

    @Test
    void perUnitVarianceFollowsTheDeltaMethod() {
        // R: (var(m) - 2 r cov(m, d) + r^2 var(d)) / mean(d)^2  [D1]
        assertClose(0.0885350318471338, CONTROL.ratio(), 1e-12, "control ratio");
        assertClose(0.0137534167257472, CONTROL.estimate().variance(), 1e-9, "control variance");
        assertClose(0.0204880812497824, TREATMENT.estimate().variance(), 1e-9, "treatment variance");
    }

    @Test
    void comparisonOfRatiosMatchesR() {
        // R: Welch on the delta-method variances  [D1.abs, D1.rel]
        Comparison result = WelchTest.withDefaults().compare(CONTROL.estimate(), TREATMENT.estimate(), "ratio");
        assertEffect(new double[] {0.0463722194176217, 0.0257870663437683, 0.0669573724914751, 0.0104818880133651},
                result.absolute(), 1e-9);
        assertClose(607.229549191990, result.absolute().degreesOfFreedom(), 1e-9, "df");
        assertRelative(1.14823483221429e-05, result.absolute().pValue(), 1e-7, "p");
        assertEffect(new double[] {0.523772550256590752, 0.234154845943354006, 0.813390254569827498, 0.147472323009107842},
                result.relative(), 1e-9);
    }

    @Test
    void skewedCostPerRequestAtAlphaTenPercent() {
        // R 4.2.2: lognormal request costs summed per session, Welch at alpha 0.1  [D2.abs]
        Comparison result = WelchTest.withDefaults().withAlpha(0.1).compare(
                new RatioMoments(150, 6.190460180703766, 0.522612744369453, 866, 6256, 44.297499453775956).estimate(),
                new RatioMoments(170, 9.89371894558378, 2.74275757320494, 996, 7302, 75.5662613194624).estimate(), "ratio");
        assertEffect(new double[] {0.00278511536549733, 0.000296164724116287, 0.00527406600687837, 0.00150665954502529},
                result.absolute(), 1e-9);
        assertClose(215.167022337057, result.absolute().degreesOfFreedom(), 1e-9, "df");
        assertRelative(0.0658968570865183, result.absolute().pValue(), 1e-8, "p");
    }

    @Test
    void threeUnitsPerArmEdgeCase() {
        // R 4.2.2: m = (1,0,2), d = (3,1,4) vs m = (2,2,1), d = (2,5,3)  [D3.abs]
        Comparison result = WelchTest.withDefaults().compare(
                RatioMoments.of(new double[] {1, 0, 2}, new double[] {3, 1, 4}).estimate(),
                RatioMoments.of(new double[] {2, 2, 1}, new double[] {2, 5, 3}).estimate(), "ratio");
        assertEffect(new double[] {0.125, -0.405736326565705, 0.655736326565705, 0.178945478777755}, result.absolute(), 1e-9);
        assertClose(3.435619290559049, result.absolute().degreesOfFreedom(), 1e-9, "df");
        assertRelative(0.529204238844838, result.absolute().pValue(), 1e-8, "p");
    }

    @Test
    void ratioWithOneEventPerUnitIsTheMean() {
        double[] m = {1, 0, 0, 1, 1, 0, 1};
        double[] d = {1, 1, 1, 1, 1, 1, 1};
        ArmEstimate ratio = RatioMoments.of(m, d).estimate();
        ArmEstimate mean = ArmEstimate.mean(SampleMoments.of(m));
        assertClose(mean.value(), ratio.value(), 1e-15, "value");
        assertClose(mean.variance(), ratio.variance(), 1e-12, "variance");
    }

    @Test
    void noDenominatorIsNotEstimable() {
        ArmEstimate empty = new RatioMoments(5, 0, 0, 0, 0, 0).estimate();
        Comparison result = WelchTest.withDefaults().compare(empty, TREATMENT.estimate(), "ratio");
        assertFalse(result.absolute().available());
    }
}
