package dev.arbiter.analytics;

import static dev.arbiter.analytics.Close.assertClose;
import static dev.arbiter.analytics.Close.assertEffect;
import static dev.arbiter.analytics.Close.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Expected values: src/test/resources/r/reference-values.R, blocks A and B, run with R 4.2.2
 * (output in reference-values.out). Tolerance 1e-9 relative unless stated.
 */
class WelchTestTest {
    private static final double TOL = 1e-9;
    private static final WelchTest WELCH = WelchTest.withDefaults();

    @Test
    void meansTwoSidedMatchesRTTest() {
        // R 4.2.2: t.test(t1, c1) with set.seed(1); c1 <- rnorm(50, 10, 2); t1 <- rnorm(60, 11, 3)  [A1]
        ArmEstimate control = ArmEstimate.mean(new SampleMoments(50, 510.044827996026, 5338.39284134911));
        ArmEstimate treatment = ArmEstimate.mean(new SampleMoments(60, 688.023374347609, 8378.65653782978));
        Comparison result = WELCH.compare(control, treatment, "mean");
        assertEffect(new double[] {1.26615967920631, 0.393221534530769, 2.139097823881856, 0.439827310757852},
                result.absolute(), TOL);
        assertClose(96.9763970517587, result.absolute().degreesOfFreedom(), TOL, "df");
        assertRelative(0.0049120512286075, result.absolute().pValue(), 1e-8, "p");
        // R: delta-method relative lift with the same df (function relative() in the script)  [A1]
        assertEffect(new double[] {0.12412239176907984, 0.03538165081936999, 0.21286313271878970, 0.04471176071825472},
                result.relative(), TOL);
        assertRelative(0.00660373808495071, result.relative().pValue(), 1e-8, "relative p");
        assertTrue(result.significant());
    }

    @Test
    void heavyTailedMeansOneSidedGreaterAtAlphaTenPercent() {
        // R 4.2.2: t.test(t2, c2, alternative = "greater", conf.level = 0.9), lognormal costs  [A2]
        Comparison result = WELCH.withAlpha(0.1).withAlternative(Alternative.GREATER).compare(
                ArmEstimate.mean(new SampleMoments(200, 17.1791138883074, 3.30441746827649)),
                ArmEstimate.mean(new SampleMoments(180, 26.6399174798768, 14.3155401493412)), "mean");
        assertClose(0.0374523417438277, result.absolute().ci().lower(), TOL, "ci lower");
        assertEquals(Double.POSITIVE_INFINITY, result.absolute().ci().upper());
        assertClose(229.537455728054, result.absolute().degreesOfFreedom(), TOL, "df");
        assertRelative(0.000691131535746793, result.absolute().pValue(), 1e-8, "p");
    }

    @Test
    void smallSamplesOneSidedLess() {
        // R 4.2.2: t.test(c(2.7,2.9,2.6,3.0,2.8,2.5,2.9), c(3.1,2.9,3.3,3.0,3.2), alternative = "less")  [A3]
        Comparison result = WELCH.withAlternative(Alternative.LESS).compare(
                ArmEstimate.mean(SampleMoments.of(3.1, 2.9, 3.3, 3.0, 3.2)),
                ArmEstimate.mean(SampleMoments.of(2.7, 2.9, 2.6, 3.0, 2.8, 2.5, 2.9)), "mean");
        assertClose(-0.149669761540099, result.absolute().ci().upper(), TOL, "ci upper");
        assertEquals(Double.NEGATIVE_INFINITY, result.absolute().ci().lower());
        assertClose(9.43898486530019, result.absolute().degreesOfFreedom(), TOL, "df");
        assertRelative(0.00399427979590922, result.absolute().pValue(), 1e-8, "p");
    }

    @Test
    void knifeEdgeProportionsUpperBoundJustAboveZero() {
        // 0.871 vs 0.859 with 6000 per arm; R 4.2.2 formula with p(1-p), Welch df, qt  [B1]
        Comparison result = WELCH.compare(ArmEstimate.proportion(6000, 5226), ArmEstimate.proportion(6000, 5154), "proportion");
        assertEffect(new double[] {-0.012, -0.0242275465183975, 0.000227546518397433, 0.00623802853472153},
                result.absolute(), TOL);
        assertClose(11981.1339180589, result.absolute().degreesOfFreedom(), TOL, "df");
        assertRelative(0.0544177831780122, result.absolute().pValue(), 1e-8, "p");
        assertTrue(result.absolute().ci().upper() > 0, "the upper bound is just above 0");
        assertFalse(result.significant());
        assertEffect(new double[] {-0.013777267508610804, -0.027723039478066008, 0.000168504460844399, 0.007114601719428399},
                result.relative(), TOL);
    }

    @Test
    void cookieCatsRetention7ReproducesThePublishedResult() {
        // ../shared/datasets/cookie_cats: gate_30 8502/44700, gate_40 8279/45489; published −0.82 pp
        // [−1.33, −0.31], p = 0.0016; R 4.2.2 formula  [B2]
        Comparison result = WELCH.compare(ArmEstimate.proportion(44700, 8502), ArmEstimate.proportion(45489, 8279), "proportion");
        assertEffect(new double[] {-0.00820129831520591, -0.0132816206810206, -0.00312097594939121, 0.00259201400829404},
                result.absolute(), TOL);
        assertRelative(0.00155634252678713, result.absolute().pValue(), 1e-8, "p");
        assertRelative(0.00121757942833255, result.relative().pValue(), 1e-8, "relative p");
    }

    @Test
    void zeroControlRateGivesAbsoluteButNoRelativeEffect() {
        // 0/100 vs 5/100; R 4.2.2 formula: df = 99 (only the treatment varies), relative Inf  [B3]
        Comparison result = WELCH.compare(ArmEstimate.proportion(100, 0), ArmEstimate.proportion(100, 5), "proportion");
        assertEffect(new double[] {0.05, 0.00675499412987236, 0.09324500587012764, 0.02179449471770337},
                result.absolute(), TOL);
        assertClose(99, result.absolute().degreesOfFreedom(), TOL, "df");
        assertRelative(0.0238941137318586, result.absolute().pValue(), 1e-8, "p");
        assertFalse(result.relative().available());
        assertTrue(result.relative().unavailableReason().contains("control value is 0"));
    }

    @Test
    void degenerateInputsSayWhyInsteadOfReturningNumbers() {
        Comparison tiny = WELCH.compare(ArmEstimate.mean(SampleMoments.of(1)), ArmEstimate.mean(SampleMoments.of(1, 2)), "mean");
        assertFalse(tiny.absolute().available());
        assertTrue(tiny.absolute().unavailableReason().contains("at least 2 units"));
        Comparison empty = WELCH.compare(ArmEstimate.proportion(0, 0), ArmEstimate.proportion(10, 3), "proportion");
        assertFalse(empty.absolute().available());
        Comparison flat = WELCH.compare(ArmEstimate.proportion(500, 500), ArmEstimate.proportion(400, 400), "proportion");
        assertTrue(flat.absolute().unavailableReason().contains("no variation"), flat.absolute().unavailableReason());
        Comparison constant = WELCH.compare(ArmEstimate.mean(SampleMoments.of(2, 2, 2)), ArmEstimate.mean(SampleMoments.of(2, 2)), "mean");
        assertFalse(constant.relative().available());
        assertFalse(constant.significant());
    }

    @Test
    void invalidSettingsAreRejectedWithTheValue() {
        IllegalArgumentException error = Assertions.assertThrows(IllegalArgumentException.class,
                () -> WELCH.withAlpha(1.5));
        assertTrue(error.getMessage().contains("1.5"));
        assertEquals(Alternative.GREATER, Alternative.parse("Greater"));
        assertEquals(Alternative.TWO_SIDED, Alternative.parse("two.sided"));
    }

    /**
     * Issue 16 #7. R 4.2.2, Fieller's interval written out (Welch df, qt(0.975, df)): for 50/2000 vs 75/2000
     * the absolute difference is significant (p = 0.0230620381) while the delta-method relative interval
     * [−2.88%, +102.9%] contains 0; Fieller's [0.0584506283209023, 1.18463669553257] does not.
     */
    @Test
    void aRelativeIntervalNeverContradictsTheAbsoluteTest() {
        Comparison c = WelchTest.withDefaults().compare(ArmEstimate.proportion(2000, 50), ArmEstimate.proportion(2000, 75), "p");
        assertClose(0.0230620381, c.absolute().pValue(), 1e-9, "absolute p");
        assertClose(0.0584506283209023, c.relative().ci().lower(), 1e-9, "Fieller lower");
        assertClose(1.18463669553257, c.relative().ci().upper(), 1e-9, "Fieller upper");
        assertEquals(c.absolute().pValue(), c.relative().pValue(), 0, "Fieller's test is the absolute test");
        assertTrue(c.notes().get(0).startsWith("Relative interval by Fieller's method"), c.notes().toString());
        // where the delta method agrees with the absolute test (R: 100/2000 vs 70/2000, both p < 0.05) it is kept,
        // as GrowthBook reports it: −0.509423861161 to −0.0905761388389
        Comparison kept = WelchTest.withDefaults().compare(ArmEstimate.proportion(2000, 100), ArmEstimate.proportion(2000, 70), "p");
        assertClose(-0.509423861161, kept.relative().ci().lower(), 1e-9, "delta lower");
        assertClose(-0.0905761388389, kept.relative().ci().upper(), 1e-9, "delta upper");
        assertTrue(kept.notes().isEmpty());
        // 1/10000 vs 12/10000: the control's one event cannot bound a relative change (was +1100% [−1348%, +3548%])
        Comparison rare = WelchTest.withDefaults().compare(ArmEstimate.proportion(10000, 1), ArmEstimate.proportion(10000, 12), "p");
        assertTrue(rare.absolute().significantAt(0.05));
        assertTrue(!rare.relative().available(), rare.relative().toString());
    }

    @Test
    void absoluteAndRelativeAgreeOnExcludingZeroOverManyTables() {
        int fieller = 0;
        for (int control = 5; control <= 120; control += 5) {
            for (int treatment = 5; treatment <= 120; treatment += 7) {
                Comparison c = WelchTest.withDefaults().compare(ArmEstimate.proportion(2000, control),
                        ArmEstimate.proportion(2000, treatment), "p");
                if (c.relative().available()) {
                    assertEquals(!c.absolute().ci().contains(0), !c.relative().ci().contains(0), control + " vs " + treatment);
                    assertTrue(c.relative().ci().lower() >= -1, control + " vs " + treatment + ": below −100%");
                    fieller += c.notes().isEmpty() ? 0 : 1;
                }
            }
        }
        assertTrue(fieller > 0, "some tables need Fieller's interval");
    }
}
