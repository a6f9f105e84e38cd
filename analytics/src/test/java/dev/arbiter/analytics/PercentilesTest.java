package dev.arbiter.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Percentiles against R 4.x {@code quantile(x, p, type = 7)}, to 1e-12. */
class PercentilesTest {
    @Test
    void matchRTypeSeven() {
        // R: x <- c(0.5, 0, 0.3, -0.2, 0.3, 1.1, -0.4); quantile(x, c(.01, .25, .5, .9, .99), type = 7)
        //    → -0.388, -0.1, 0.3, 0.74, 1.064
        double[] p = Percentiles.of(new double[] {0.5, 0, 0.3, -0.2, 0.3, 1.1, -0.4});
        assertEquals(-0.388, p[0], 1e-12);
        assertEquals(-0.1, p[24], 1e-12);
        assertEquals(0.3, p[49], 1e-12);
        assertEquals(0.74, p[89], 1e-12);
        assertEquals(1.064, p[98], 1e-12);
    }

    @Test
    void noValuesGiveNoPercentiles() {
        for (double value : Percentiles.of(new double[0])) {
            assertTrue(Double.isNaN(value));
        }
    }
}
