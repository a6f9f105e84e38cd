package dev.arbiter.analytics;

import static dev.arbiter.analytics.Close.assertClose;
import static dev.arbiter.analytics.Close.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values: reference-values.R block H (R 4.2.2 chisq.test(x, p = ...)). */
class SampleRatioCheckTest {
    @Test
    void cookieCatsSplitIsSuspiciousButNotFlagged() {
        // R: chisq.test(c(44700, 45489), p = c(0.5, 0.5))  [H1]; published p = 0.008
        SampleRatioCheck.Result result = SampleRatioCheck.test(List.of(44700L, 45489L), List.of(0.5, 0.5));
        assertClose(6.90240494960582751, result.chiSquare(), 1e-12, "chi-square");
        assertRelative(0.00860798781083626, result.pValue(), 1e-9, "p");
        assertFalse(result.flagged());
    }

    @Test
    void armWithZeroUnitsCountsAndIsFlagged() {
        // R: chisq.test(c(500, 0, 480), p = c(1, 1, 1)/3)  [H2]
        SampleRatioCheck.Result result = SampleRatioCheck.test(List.of(500L, 0L, 480L), List.of(1 / 3.0, 1 / 3.0, 1 / 3.0));
        assertClose(490.612244897959, result.chiSquare(), 1e-9, "chi-square");
        assertRelative(2.91678651403426e-107, result.pValue(), 1e-6, "p");
        assertEquals(2, result.df());
        assertTrue(result.flagged());
    }

    @Test
    void unevenPlannedSplit() {
        // R: chisq.test(c(5100, 4900), p = c(.5, .5)) [H3]; chisq.test(c(2120, 7880), p = c(.2, .8)) [H4]
        assertRelative(0.0455002638963585, SampleRatioCheck.test(List.of(5100L, 4900L), List.of(0.5, 0.5)).pValue(), 1e-9, "H3");
        SampleRatioCheck.Result h4 = SampleRatioCheck.test(List.of(2120L, 7880L), List.of(0.2, 0.8));
        assertClose(9, h4.chiSquare(), 1e-12, "H4 chi-square");
        assertRelative(0.00269979606326019, h4.pValue(), 1e-9, "H4 p");
        assertClose(0.212, h4.observedShares().get(0), 1e-12, "share");
    }

    @Test
    void plannedSplitMustSumToOne() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SampleRatioCheck.test(List.of(1L, 2L), List.of(0.5, 0.6)));
        assertTrue(error.getMessage().contains("sum to 1"));
        assertFalse(SampleRatioCheck.test(List.of(0L, 0L), List.of(0.5, 0.5)).flagged());
    }
}
