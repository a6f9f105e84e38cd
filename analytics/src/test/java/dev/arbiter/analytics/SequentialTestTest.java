package dev.arbiter.analytics;

import static dev.arbiter.analytics.Close.assertClose;
import static dev.arbiter.analytics.Close.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values: reference-values.R block G (R 4.2.2, eq. 9 of Waudby-Smith et al. written out as in GrowthBook). */
class SequentialTestTest {
    private static final ArmEstimate C1 = ArmEstimate.mean(new SampleMoments(50, 510.044827996026, 5338.39284134911));
    private static final ArmEstimate T1 = ArmEstimate.mean(new SampleMoments(60, 688.023374347609, 8378.65653782978));

    @Test
    void meansConfidenceSequenceMatchesR() {
        // [G1] rho, lower, upper, p
        Comparison result = SequentialTest.withDefaults().compare(C1, T1, "mean");
        assertClose(0.0398400667713737, SequentialTest.withDefaults().rho(), 1e-12, "rho");
        assertClose(-1.5634843833955676, result.absolute().ci().lower(), 1e-9, "lower");
        assertClose(4.0958037418081927, result.absolute().ci().upper(), 1e-9, "upper");
        assertRelative(0.5853987381151182, result.absolute().pValue(), 1e-9, "p");
    }

    @Test
    void proportionsAtDefaultAndCustomTuning() {
        ArmEstimate control = ArmEstimate.proportion(6000, 5226);
        ArmEstimate treatment = ArmEstimate.proportion(6000, 5154);
        Comparison g2 = SequentialTest.withDefaults().compare(control, treatment, "proportion");
        assertClose(-0.03118790008759154, g2.absolute().ci().lower(), 1e-9, "G2 lower");
        assertClose(0.00718790008759152, g2.absolute().ci().upper(), 1e-9, "G2 upper");
        assertRelative(0.77186229167250309, g2.absolute().pValue(), 1e-9, "G2 p");
        Comparison g3 = SequentialTest.withDefaults().withAlpha(0.1).withTuning(12000).compare(control, treatment, "p");
        assertClose(-0.02924152768389607, g3.absolute().ci().lower(), 1e-9, "G3 lower");
        assertRelative(0.54776642332156522, g3.absolute().pValue(), 1e-9, "G3 p");
    }

    @Test
    void sequenceIsWiderThanTheFixedHorizonIntervalAndAgreesWithItsPValue() {
        Comparison fixed = WelchTest.withDefaults().compare(C1, T1, "mean");
        Comparison always = SequentialTest.withDefaults().compare(C1, T1, "mean");
        assertTrue(always.absolute().ci().upper() - always.absolute().ci().lower()
                > fixed.absolute().ci().upper() - fixed.absolute().ci().lower());
        assertEquals(always.absolute().ci().contains(0), always.absolute().pValue() >= 0.05);
    }

    @Test
    void oneSidedSequencesAreGrowthBooksOneSidedSequence() {
        // issue 16 #6. GrowthBook gbstats' one-sided sequence (rho from 2α, log term ln(1 + √(Nρ²+1)/(2α))) on
        // control n=3000, Σ=1396.87, Σ²=52377.9767 vs treatment n=3461, Σ=2422.7, Σ²=134698.29, α = 0.05,
        // N* = 5000, "greater": the audit's lower bound −0.126568 and p 0.463; to 1e-9 from the same formula
        // in R 4.2.2 (the formula written out) and Python 3.11: lower −0.12656844172804982, p 0.46304735779462625
        ArmEstimate control = ArmEstimate.mean(new SampleMoments(3000, 1396.87, 52377.9767));
        ArmEstimate treatment = ArmEstimate.mean(new SampleMoments(3461, 2422.7, 134698.29));
        Comparison greater = SequentialTest.withDefaults().withAlternative(Alternative.GREATER).compare(control, treatment, "mean");
        assertClose(-0.12656844172804982, greater.absolute().ci().lower(), 1e-9, "lower");
        assertEquals(Double.POSITIVE_INFINITY, greater.absolute().ci().upper());
        assertRelative(0.46304735779462625, greater.absolute().pValue(), 1e-9, "p");
        Comparison twoSided = SequentialTest.withDefaults().compare(control, treatment, "mean");
        assertTrue(greater.absolute().ci().lower() > twoSided.absolute().ci().lower(), "one side is narrower than two");
        Comparison less = SequentialTest.withDefaults().withAlternative(Alternative.LESS).compare(control, treatment, "mean");
        assertEquals(1, less.absolute().pValue(), 0, "an effect in the other direction gives p = 1");
    }

    @Test
    void aOneSidedBoundExcludesZeroExactlyWhenPIsBelowAlpha() {
        for (double shift : new double[] {0.2, 0.6, 0.9, 1.2, 2.0}) {
            ArmEstimate control = ArmEstimate.mean(new SampleMoments(2000, 2000, 6000));
            ArmEstimate treatment = ArmEstimate.mean(new SampleMoments(2000, 2000 * (1 + shift / 10), 6000 * (1 + shift / 5)));
            Comparison c = SequentialTest.withDefaults().withAlternative(Alternative.GREATER).compare(control, treatment, "m");
            assertEquals(c.absolute().ci().lower() > 0, c.absolute().pValue() < 0.05, "shift " + shift + ": " + c.absolute());
        }
    }

    @Test
    void aQuantileDifferenceIsReadOnTheSameSequence() {
        // issue 16 #5. R 4.2.2, eq. 9 written out: estimate 100, SE 20, N = 2000 units, α = 0.05, N* = 5000:
        // [37.5244181665054, 162.475581833495], p = 1.52079169615668e-04
        Effect fixedAbsolute = new Effect(100, new Interval(60.8, 139.2), 20, Double.POSITIVE_INFINITY, 6e-7, null);
        Comparison fixed = new Comparison(ArmEstimate.proportion(1000, 100), ArmEstimate.proportion(1000, 120), fixedAbsolute,
                Effect.unavailable("no relative here"), "p95 (order statistics)", 0.05, Alternative.TWO_SIDED, List.of());
        Comparison always = SequentialTest.withDefaults().sequential(fixed, 2000);
        assertClose(37.5244181665054, always.absolute().ci().lower(), 1e-9, "lower");
        assertClose(162.475581833495, always.absolute().ci().upper(), 1e-9, "upper");
        assertRelative(1.52079169615668e-04, always.absolute().pValue(), 1e-9, "p");
        assertTrue(always.method().endsWith("always-valid (sequential)"));
        assertTrue(!always.relative().available());
    }
}
