package dev.arbiter.analytics;

import static dev.arbiter.analytics.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values: reference-values.R block F (R 4.2.2 quantile(type = 7) and the DKY interval written out). */
class QuantileMetricTest {
    @Test
    void type7MatchesR() {
        // R: quantile(c(5, 1, 4, 2, 3, 10), c(0.5, 0.95), type = 7) = 3.5, 8.75  [F2]
        double[] sorted = {1, 2, 3, 4, 5, 10};
        assertEquals(3.5, QuantileMetric.type7(sorted, 0.5), 1e-15);
        assertEquals(8.75, QuantileMetric.type7(sorted, 0.95), 1e-15);
        assertEquals(1, QuantileMetric.type7(sorted, 0), 0);
        assertEquals(10, QuantileMetric.type7(sorted, 1), 0);
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
        // R: quantile(lat, 0.95, type = 7); sigma by the delta method; quantile at p -/+ z sigma  [F1]
        assertClose(1957.07141576269, arm.value(), 1e-11, "p95");
        assertClose(1860.19309496612, arm.lower(), 1e-9, "lower");
        assertClose(2221.45319218170, arm.upper(), 1e-9, "upper");
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
        assertClose(322.463506817822, arm.lower(), 1e-9, "lower");
        assertClose(452.515703175139, arm.upper(), 1e-9, "upper");
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
