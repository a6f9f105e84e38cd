package dev.arbiter.importers.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Type 7 quantiles from value counts. */
class ValueHistogramTest {
    @Test
    void quantilesMatchR() {
        // R 4.2.2: quantile(c(1, 2, 2, 3, 10), c(0, .25, .5, .9, 1), type = 7) = 1, 2, 2, 7.2, 10 (exact)
        ValueHistogram histogram = new ValueHistogram();
        histogram.add(1, 1);
        histogram.add(2, 2);
        histogram.add(3, 1);
        histogram.add(10, 1);
        assertEquals(5, histogram.count());
        assertEquals(4, histogram.distinct());
        assertEquals(1, histogram.quantile(0), 0);
        assertEquals(2, histogram.quantile(0.25), 0);
        assertEquals(2, histogram.quantile(0.5), 0);
        assertEquals(7.2, histogram.quantile(0.9), 1e-12);
        assertEquals(10, histogram.quantile(1), 0);
        assertTrue(Double.isNaN(new ValueHistogram().quantile(0.5)));
    }

    @Test
    void valuesComeInTheEnginesSortOrder() {
        ValueHistogram histogram = new ValueHistogram();
        histogram.add(-0.0, 1);
        histogram.add(0.0, 1);
        histogram.add(Double.NaN, 1);
        assertEquals(3, histogram.count());
        assertThrows(IllegalArgumentException.class, () -> histogram.add(5, 1));
    }
}
