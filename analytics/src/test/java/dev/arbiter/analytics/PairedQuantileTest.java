package dev.arbiter.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The paired quantile's two limits: no item shared, it is the independent-arms comparison
 * ({@link QuantileMetric#compare}); the same answers in both arms, a correlation of 1. Calibration
 * (A/A 5%, coverage 95%) is {@code arbiter simulate}'s PAIRED_P95 (docs/validation.md).
 */
class PairedQuantileTest {
    private static double[][] latencies(Random random, int items, int offset, int of) {
        double[][] byItem = new double[of][];
        for (int i = 0; i < of; i++) {
            boolean answered = i >= offset && i < offset + items;
            byItem[i] = new double[answered ? 1 + random.nextInt(3) : 0];
            for (int k = 0; k < byItem[i].length; k++) {
                byItem[i][k] = 800 * Math.exp(0.6 * random.nextGaussian());
            }
        }
        return byItem;
    }

    @Test
    void withoutSharedItemsItIsTheIndependentComparison() {
        Random random = new Random(4);
        PairedQuantile.Arm control = PairedQuantile.arm(latencies(random, 300, 0, 600), 0.95, 0.05);
        PairedQuantile.Arm treatment = PairedQuantile.arm(latencies(random, 300, 300, 600), 0.95, 0.05);
        assertEquals(0, PairedQuantile.correlation(control, treatment));
        Comparison paired = PairedQuantile.compare(control, treatment, 0.05, Alternative.TWO_SIDED);
        Comparison independent = QuantileMetric.compare(control.quantile(), treatment.quantile(), 0.05, Alternative.TWO_SIDED);
        assertEquals(independent.absolute().estimate(), paired.absolute().estimate(), 1e-12);
        assertEquals(independent.absolute().standardError(), paired.absolute().standardError(), 1e-9);
        assertEquals(independent.absolute().pValue(), paired.absolute().pValue(), 1e-12);
    }

    @Test
    void theSameAnswersInBothArmsAreFullyCorrelated() {
        double[][] answers = latencies(new Random(5), 400, 0, 400);
        PairedQuantile.Arm control = PairedQuantile.arm(answers, 0.95, 0.05);
        PairedQuantile.Arm treatment = PairedQuantile.arm(answers, 0.95, 0.05);
        assertEquals(1, PairedQuantile.correlation(control, treatment), 1e-12);
        Comparison c = PairedQuantile.compare(control, treatment, 0.05, Alternative.TWO_SIDED);
        assertTrue(!c.absolute().available() || c.absolute().standardError() < 1e-9, "no difference and no spread of it");
    }
}
