package dev.arbiter.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The two ways to a mid-quantile agree: from counted distinct values ({@link MidQuantile#of}) and
 * from a few order statistics of untied data ({@link MidQuantile#ofOrderStatistics}, as an
 * engine's quantile function gives them); a tie among those order statistics is reported.
 */
class MidQuantileTest {
    @Test
    void orderStatisticsGiveTheCountedMidQuantileOnUntiedData() {
        SplittableRandom random = new SplittableRandom(3);
        for (int n : new int[] {1, 2, 3, 7, 100, 1001}) {
            double[] sorted = random.doubles(n, 0, 1000).sorted().toArray();
            for (double p : new double[] {0, 0.0001, 0.01, 0.25, 0.5, 0.5 / n, 1.5 / n, 0.9, 0.95, 0.999, 1}) {
                MidQuantile counted = MidQuantile.ofSorted(sorted, p);
                long[] positions = MidQuantile.positions(n, p);
                double[] statistics = Arrays.stream(positions).mapToDouble(i -> sorted[(int) i - 1]).toArray();
                MidQuantile read = MidQuantile.ofOrderStatistics(n, p, statistics);
                assertEquals(counted, read, "n = " + n + ", p = " + p);
            }
        }
    }

    @Test
    void aTieAmongTheOrderStatisticsAsksForCounting() {
        double[] sorted = {1, 2, 3, 3, 4, 5, 6, 7};
        long[] positions = MidQuantile.positions(sorted.length, 0.45);
        double[] statistics = Arrays.stream(positions).mapToDouble(i -> sorted[(int) i - 1]).toArray();
        assertNull(MidQuantile.ofOrderStatistics(sorted.length, 0.45, statistics));
    }

    @Test
    void weightsStepAtTheCutsBetweenDistinctValues() {
        MidQuantile q = new MidQuantile(1, 2, 3, 4, 0.4);
        assertEquals(2.4, q.value(), 1e-15);
        assertEquals(1, q.weight(1));
        assertEquals(0.7, q.weight(2), 1e-15);
        assertEquals(0.2, q.weight(3), 1e-15);
        assertEquals(0, q.weight(4));
        MidQuantile end = new MidQuantile(Double.NEGATIVE_INFINITY, 1, 1, 2, 0);
        assertEquals(0.5, end.weight(1));
        assertEquals(0, end.weight(2));
    }
}
