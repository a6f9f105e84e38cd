package dev.arbiter.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    /**
     * Issue 20: a window of the distinct values — those whose neighbours two away have mid-ranks
     * m(i−2) ≤ hi·n and m(i+2) > lo·n, the rule the engine applies — gives every mid-quantile in
     * [lo, hi] exactly as all the values do, on tied integers and at both ends; a window one value
     * too short is refused, not read.
     */
    @Test
    void aWindowOfTheValuesGivesTheMidQuantilesInsideIt() {
        SplittableRandom random = new SplittableRandom(20);
        for (int trial = 0; trial < 500; trial++) {
            int n = 1 + random.nextInt(400);
            double[] sorted = new double[n];
            int spread = 1 + random.nextInt(60);
            for (int i = 0; i < n; i++) {
                sorted[i] = random.nextInt(spread);
            }
            Arrays.sort(sorted);
            double[] values = new double[n];
            long[] cumulative = new long[n];
            int size = 0;
            for (int i = 0; i < n; i++) {
                if (size > 0 && sorted[i] == values[size - 1]) {
                    cumulative[size - 1]++;
                } else {
                    values[size] = sorted[i];
                    cumulative[size++] = i + 1L;
                }
            }
            // probability bounds are clamped to [0, 1] (QuantileMetric.probabilityBounds); the ends are drawn often
            double lo = Math.min(1, Math.max(0, random.nextDouble() * 1.2 - 0.1));
            double hi = Math.min(1, lo + random.nextDouble() * 0.2);
            int first = -1;
            int last = -1;
            for (int i = 0; i < size; i++) {
                double before = i >= 2 ? midRank(cumulative, i - 2) : -1;
                double after = i + 2 < size ? midRank(cumulative, i + 2) : n + 1;
                if (before <= hi * n && after > lo * n) {
                    first = first < 0 ? i : first;
                    last = i;
                }
            }
            double[] windowValues = Arrays.copyOfRange(values, first, last + 1);
            long[] windowCumulative = Arrays.copyOfRange(cumulative, first, last + 1);
            long below = first == 0 ? 0 : cumulative[first - 1];
            for (double p : new double[] {lo, (lo + hi) / 2, hi}) {
                assertEquals(MidQuantile.of(values, cumulative, size, p),
                        MidQuantile.ofWindow(windowValues, windowCumulative, windowValues.length, p, below, n),
                        "trial " + trial + ", p = " + p);
            }
        }
    }

    @Test
    void aWindowTooShortIsRefused() {
        double[] values = {1, 2, 3, 4, 5, 6, 7, 8};
        long[] cumulative = {10, 20, 30, 40, 50, 60, 70, 80};
        // the median (rank 40) lies between values 4 and 5: the window 4..6 lacks 3, the value before
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> MidQuantile.ofWindow(new double[] {4, 5, 6}, new long[] {40, 50, 60}, 3, 0.5, 30, 80));
        assertEquals("the window of 3 values does not hold the quantile at 0.5", refused.getMessage());
        assertEquals(MidQuantile.of(values, cumulative, 8, 0.5),
                MidQuantile.ofWindow(new double[] {3, 4, 5, 6}, new long[] {30, 40, 50, 60}, 4, 0.5, 20, 80));
    }

    private static double midRank(long[] cumulative, int k) {
        long below = k == 0 ? 0 : cumulative[k - 1];
        return below + (cumulative[k] - below) / 2.0;
    }
}
