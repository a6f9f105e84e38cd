package dev.arbiter.analytics;

import static dev.arbiter.analytics.Close.assertClose;
import static dev.arbiter.analytics.Close.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void oneSidedUsesOnlyItsSide() {
        Comparison greater = SequentialTest.withDefaults().withAlternative(Alternative.GREATER).compare(C1, T1, "mean");
        Comparison twoSided = SequentialTest.withDefaults().compare(C1, T1, "mean");
        assertEquals(twoSided.absolute().ci().lower(), greater.absolute().ci().lower(), 1e-15);
        assertEquals(Double.POSITIVE_INFINITY, greater.absolute().ci().upper());
        Comparison less = SequentialTest.withDefaults().withAlternative(Alternative.LESS).compare(C1, T1, "mean");
        assertEquals(1, less.absolute().pValue(), 0, "an effect in the other direction gives p = 1");
    }
}
