package dev.arbiter.analytics;

import static dev.arbiter.analytics.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Expected values: reference-values.R block F (R 4.2.2: the mid-quantile by {@code approx} over the
 * mid-distribution, its weights and the cluster delta method written out independently).
 */
class QuantileMetricTest {
    @Test
    void midQuantileMatchesR() {
        // R: midq(c(5, 1, 4, 2, 3, 10), c(0.5, 0.95, 0.05)) = 3.5, 10, 1 (ends clamp)  [F2]
        double[] sorted = {1, 2, 3, 4, 5, 10};
        assertEquals(3.5, MidQuantile.ofSorted(sorted, 0.5).value(), 1e-15);
        assertEquals(10, MidQuantile.ofSorted(sorted, 0.95).value(), 0);
        assertEquals(1, MidQuantile.ofSorted(sorted, 0.05).value(), 0);
        // R: midq(c(1, 2, 2, 2, 3, 3, 7), c(0.1, 0.5, 0.6, 0.9)) = 1.1, 2.4, 2.68, 6.46666666666667  [F2.tied]
        double[] tied = {1, 2, 2, 2, 3, 3, 7};
        double[] p = {0.1, 0.5, 0.6, 0.9};
        double[] expected = {1.1, 2.4, 2.68, 6.46666666666667};
        for (int i = 0; i < p.length; i++) {
            assertClose(expected[i], MidQuantile.ofSorted(tied, p[i]).value(), 1e-13, "p = " + p[i]);
        }
    }

    @Test
    void weightsSumToTheShareAtTheQuantile() {
        double[] tied = {1, 2, 2, 2, 3, 3, 7};
        for (double p : new double[] {0.01, 0.1, 0.357, 0.5, 0.6, 0.9, 0.99}) {
            MidQuantile q = MidQuantile.ofSorted(tied, p);
            double share = Arrays.stream(tied).map(q::weight).sum() / tied.length;
            double clampedShare = p < 0.5 / 7 ? 0.5 / 7 : p > 6.5 / 7 ? 6.5 / 7 : p;
            assertClose(clampedShare, share, 1e-13, "F_mid at the quantile, p = " + p);
        }
    }

    @Test
    void clusteredP95IntervalMatchesR() throws IOException {
        List<double[]> rows;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                QuantileMetricTest.class.getResourceAsStream("/r/quantile-f1.csv"), StandardCharsets.UTF_8))) {
            rows = reader.lines().skip(1).map(line -> line.split(","))
                    .map(cells -> new double[] {Double.parseDouble(cells[0]), Double.parseDouble(cells[1])}).toList();
        }
        long[] units = rows.stream().mapToLong(row -> (long) row[0]).toArray();
        double[] latency = rows.stream().mapToDouble(row -> row[1]).toArray();
        QuantileMetric.ArmQuantile arm = QuantileMetric.estimate(latency, units, 0.95, 0.05);
        // R: midq(lat, 0.95) (= quantile(lat, 0.95, type = 5), no ties); sigma by the delta method on the
        // mid-distribution weights; midq at p -/+ z sigma  [F1]
        assertClose(1958.55283336213, arm.value(), 1e-11, "p95");
        assertClose(1865.76780493383, arm.lower(), 1e-9, "lower");
        assertClose(2233.87812859595, arm.upper(), 1e-9, "upper");
        assertEquals(200, arm.units());
    }

    @Test
    void medianWithOneEventPerUnitAtAlphaTenPercent() throws IOException {
        List<double[]> rows;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                QuantileMetricTest.class.getResourceAsStream("/r/quantile-f3.csv"), StandardCharsets.UTF_8))) {
            rows = reader.lines().skip(1).map(line -> line.split(","))
                    .map(cells -> new double[] {Double.parseDouble(cells[0]), Double.parseDouble(cells[1])}).toList();
        }
        QuantileMetric.ArmQuantile arm = QuantileMetric.estimate(rows.stream().mapToDouble(r -> r[1]).toArray(),
                rows.stream().mapToLong(r -> (long) r[0]).toArray(), 0.5, 0.1);
        // R 4.2.2: exponential latencies, one per unit: sigma = sd(indicator)/sqrt(n), 90% interval  [F3]
        assertClose(381.032193844044, arm.value(), 1e-11, "median");
        assertClose(322.460400778725, arm.lower(), 1e-9, "lower");
        assertClose(452.604289512206, arm.upper(), 1e-9, "upper");
    }

    @Test
    void tiedIntegerCountsInClusters() throws IOException {
        List<double[]> rows = csv("/r/quantile-f4.csv");
        double[] rounds = rows.stream().mapToDouble(r -> r[1]).toArray();
        long[] units = rows.stream().mapToLong(r -> (long) r[0]).toArray();
        // R 4.2.2: integer game rounds, 400 users with 1-6 sessions; midq and its interval  [F4.p50, F4.p90]
        QuantileMetric.ArmQuantile median = QuantileMetric.estimate(rounds, units, 0.5, 0.05);
        assertClose(16.8653846153846, median.value(), 1e-12, "median");
        assertClose(15.1663979716143, median.lower(), 1e-9, "median lower");
        assertClose(18.7622228091096, median.upper(), 1e-9, "median upper");
        QuantileMetric.ArmQuantile p90 = QuantileMetric.estimate(rounds, units, 0.9, 0.05);
        assertClose(105.8, p90.value(), 1e-12, "p90");
        assertClose(85.3782697294362, p90.lower(), 1e-9, "p90 lower");
        assertClose(125.6325954058458, p90.upper(), 1e-9, "p90 upper");
    }

    private static List<double[]> csv(String resource) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                QuantileMetricTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).map(line -> line.split(","))
                    .map(cells -> new double[] {Double.parseDouble(cells[0]), Double.parseDouble(cells[1])}).toList();
        }
    }

    @Test
    void comparisonIsNormalBasedOnIntervalWidths() {
        QuantileMetric.ArmQuantile control = new QuantileMetric.ArmQuantile(500, 2500, 1000, 960, 1040, 1.959963984540054);
        QuantileMetric.ArmQuantile treatment = new QuantileMetric.ArmQuantile(500, 2400, 1100, 1050, 1150, 1.959963984540054);
        Comparison result = QuantileMetric.compare(control, treatment, 0.05, Alternative.TWO_SIDED);
        double z = 1.959963984540054;
        double se = Math.hypot(80 / (2 * z), 100 / (2 * z));
        assertClose(100, result.absolute().estimate(), 1e-12, "difference");
        assertClose(se, result.absolute().standardError(), 1e-12, "se");
        assertTrue(Double.isInfinite(result.absolute().degreesOfFreedom()));
        assertClose(0.1, result.relative().estimate(), 1e-12, "relative");
        assertTrue(result.significant());
    }

    @Test
    void tooFewUnitsIsNotEstimable() {
        QuantileMetric.ArmQuantile one = QuantileMetric.estimate(new double[] {1, 2, 3}, new long[] {7, 7, 7}, 0.95, 0.05);
        QuantileMetric.ArmQuantile other = QuantileMetric.estimate(new double[] {1, 2, 3, 4}, new long[] {1, 2, 3, 4}, 0.95, 0.05);
        assertFalse(QuantileMetric.compare(one, other, 0.05, Alternative.TWO_SIDED).absolute().available());
    }
}
