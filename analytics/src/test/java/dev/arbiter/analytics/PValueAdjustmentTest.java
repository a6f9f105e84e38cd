package dev.arbiter.analytics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Expected values: reference-values.R block I (R 4.2.2 p.adjust), tolerance 1e-12. */
class PValueAdjustmentTest {
    private static final double[] P = {0.01, 0.04, 0.03, 0.005, 0.5, 0.04, 0.2};

    @Test
    void holmMatchesR() {
        // R: p.adjust(p, "holm")  [I.holm]
        assertArrayEquals(new double[] {0.06, 0.16, 0.15, 0.035, 0.5, 0.16, 0.4}, PValueAdjustment.HOLM.adjust(P), 1e-12);
    }

    @Test
    void bonferroniMatchesR() {
        // R 4.2.2: p.adjust(c(0.01, 0.04, 0.03, 0.6), "bonferroni") = 0.04 0.16 0.12 1.00
        assertArrayEquals(new double[] {0.04, 0.16, 0.12, 1.0},
                PValueAdjustment.BONFERRONI.adjust(new double[] {0.01, 0.04, 0.03, 0.6}), 1e-15);
    }

    @Test
    void benjaminiHochbergMatchesRWithTies() {
        // R: p.adjust(p, "BH")  [I.BH]
        assertArrayEquals(new double[] {0.035, 0.056, 0.056, 0.035, 0.5, 0.056, 0.233333333333333},
                PValueAdjustment.BENJAMINI_HOCHBERG.adjust(P), 1e-12);
    }

    @Test
    void tiesAndOnesMatchR() {
        // R: p.adjust(c(.02, .02, .02, 1, .9), "holm") = .1 .1 .1 1 1; "BH" = .0333 .0333 .0333 1 1  [I3]
        double[] p = {0.02, 0.02, 0.02, 1, 0.9};
        assertArrayEquals(new double[] {0.1, 0.1, 0.1, 1, 1}, PValueAdjustment.HOLM.adjust(p), 1e-12);
        assertArrayEquals(new double[] {0.0333333333333333, 0.0333333333333333, 0.0333333333333333, 1, 1},
                PValueAdjustment.BENJAMINI_HOCHBERG.adjust(p), 1e-12);
    }

    @Test
    void missingValuesAreLeftOutOfTheFamilyAsInR() {
        // R: p.adjust(c(0.001, 0.9, NA, 0.02), "holm") = 0.003 0.9 NA 0.04; "BH" = 0.003 0.9 NA 0.03  [I2]
        double[] p = {0.001, 0.9, Double.NaN, 0.02};
        assertArrayEquals(new double[] {0.003, 0.9, Double.NaN, 0.04}, PValueAdjustment.HOLM.adjust(p), 1e-12);
        assertArrayEquals(new double[] {0.003, 0.9, Double.NaN, 0.03}, PValueAdjustment.BENJAMINI_HOCHBERG.adjust(p), 1e-12);
    }
}
