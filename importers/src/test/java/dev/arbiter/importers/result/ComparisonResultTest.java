package dev.arbiter.importers.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.analytics.Alternative;
import dev.arbiter.analytics.ArmEstimate;
import dev.arbiter.analytics.Comparison;
import dev.arbiter.analytics.Effect;
import dev.arbiter.analytics.Interval;
import dev.arbiter.analytics.PValueAdjustment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 16 #4: within a segment family, "significant" follows the adjusted p printed beside it. */
class ComparisonResultTest {
    private static ComparisonResult withRawP(double p) {
        Effect absolute = new Effect(0.02, new Interval(0.002, 0.038), 0.0091, 1e6, p, null);
        Comparison comparison = new Comparison(ArmEstimate.proportion(1000, 100), ArmEstimate.proportion(1000, 120), absolute,
                Effect.unavailable("not needed here"), "test", 0.05, Alternative.TWO_SIDED, List.of());
        return new ComparisonResult("a", "b", comparison, List.of(), null);
    }

    @Test
    void aSegmentComparisonIsSignificantByItsBenjaminiHochbergAdjustedP() {
        // R 4.2.2: p.adjust(c(0.03, 0.04, 0.5), "BH") = 0.06 0.06 0.5 (to 1e-15)
        double[] adjusted = PValueAdjustment.BENJAMINI_HOCHBERG.adjust(new double[] {0.03, 0.04, 0.5});
        assertEquals(0.06, adjusted[0], 1e-15);
        ComparisonResult overall = withRawP(0.03);
        assertTrue(overall.significant(), "outside a segment family the raw p decides");
        ComparisonResult inSegment = overall.withAdjustedP(adjusted[0]);
        assertFalse(inSegment.significant(), "raw p 0.03 < α, but the BH-adjusted 0.06 is not");
        assertTrue(withRawP(0.001).withAdjustedP(0.003).significant());
    }
}
