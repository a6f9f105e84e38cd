package dev.arbiter.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Paired designs (issue 18) against R 4.x: expected values from /tmp-free R calls written beside
 * each assertion; tolerance 1e-9 (double arithmetic on the same sums) unless noted.
 */
class PairedComparisonTest {
    private static final double TOLERANCE = 1e-9;
    private static final double[] CONTROL = {3.1, 2.4, 5.0, 4.2, 1.9, 3.3, 4.8, 2.2, 3.9, 4.4};
    private static final double[] TREATMENT = {3.6, 2.5, 5.9, 4.1, 2.6, 3.9, 5.1, 2.9, 4.0, 5.2};

    @Test
    void aScoreIsComparedByThePairedTTest() {
        // R: r <- t.test(y, x, paired = TRUE) → estimate 0.46, conf.int [0.216358217173837, 0.703641782826163],
        //    p.value 0.0020772773102514, df 9
        Comparison c = PairedComparison.compare(CovariateMoments.of(TREATMENT, CONTROL), false, 0.05, Alternative.TWO_SIDED);
        assertEquals(0.46, c.absolute().estimate(), TOLERANCE);
        assertEquals(0.216358217173837, c.absolute().ci().lower(), TOLERANCE);
        assertEquals(0.703641782826163, c.absolute().ci().upper(), TOLERANCE);
        assertEquals(0.0020772773102514, c.absolute().pValue(), TOLERANCE);
        assertEquals(9, c.absolute().degreesOfFreedom());
        assertEquals("paired t-test", c.method());
        assertTrue(c.notes().contains("paired on 10 items"), c.notes().toString());
        // R: n <- 10; mt <- mean(y); mc <- mean(x); rr <- mt/mc
        //    v <- (var(y) - 2*rr*cov(x,y) + rr^2*var(x)) / (n*mc^2); rr - 1 ± qt(0.975, 9)*sqrt(v)
        assertEquals(0.130681818181818, c.relative().estimate(), TOLERANCE);
        assertEquals(0.0544998405019725, c.relative().ci().lower(), TOLERANCE);
        assertEquals(0.206863795861664, c.relative().ci().upper(), TOLERANCE);
    }

    @Test
    void oneSidedFollowsR() {
        // R: t.test(y, x, paired = TRUE, alternative = "greater") → conf.int[1] 0.26256769495113, p 0.0010386386551257
        Comparison c = PairedComparison.compare(CovariateMoments.of(TREATMENT, CONTROL), false, 0.05, Alternative.GREATER);
        assertEquals(0.26256769495113, c.absolute().ci().lower(), TOLERANCE);
        assertEquals(0.0010386386551257, c.absolute().pValue(), TOLERANCE);
    }

    @Test
    void passFailUsesTheDiscordantPairsAndReportsMcNemar() {
        // 40 items: control passes the first 20; treatment passes 15 of those and 12 of the other 20 (b = 5, c = 12)
        double[] control = new double[40];
        double[] treatment = new double[40];
        for (int i = 0; i < 40; i++) {
            control[i] = i < 20 ? 1 : 0;
            treatment[i] = i < 15 || (i >= 20 && i < 32) ? 1 : 0;
        }
        Comparison c = PairedComparison.compare(CovariateMoments.of(treatment, control), true, 0.05, Alternative.TWO_SIDED);
        // R: d <- (c - b)/N = 0.175; se <- sqrt(b + c - (b - c)^2/N)/N; d ± qnorm(0.975)*se
        //    → [-0.0196134195277426, 0.369613419527743]
        assertEquals(0.175, c.absolute().estimate(), TOLERANCE);
        assertEquals(-0.0196134195277426, c.absolute().ci().lower(), TOLERANCE);
        assertEquals(0.369613419527743, c.absolute().ci().upper(), TOLERANCE);
        assertFalse(c.significant(), "the interval spans 0, and the p-value agrees with it");
        // R: mcnemar.test(table(x, y), correct = FALSE) → statistic 2.88235294117647, p.value 0.0895550744136431
        assertTrue(c.notes().contains("McNemar χ² = 2.882 on 17 discordant items, p = 0.08956"), c.notes().toString());
        assertEquals("paired difference of proportions (McNemar)", c.method());
        assertEquals(0.5, c.control().value(), TOLERANCE);
        assertEquals(27 / 40.0, c.treatment().value(), TOLERANCE);
    }

    @Test
    void fewerThanTwoPairsCannotBeRead() {
        Comparison c = PairedComparison.compare(CovariateMoments.of(new double[] {1}, new double[] {0}), false, 0.05,
                Alternative.TWO_SIDED);
        assertFalse(c.absolute().available());
        assertEquals("fewer than 2 items were answered by both arms", c.absolute().unavailableReason());
    }
}
