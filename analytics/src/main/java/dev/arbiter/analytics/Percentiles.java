package dev.arbiter.analytics;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/** The percentiles 1 to 99 of a set of values, R's default (type 7), for distribution charts. */
public final class Percentiles {
    private Percentiles() {
    }

    /** Percentiles 1..99 of {@code values}; NaN throughout when there are none. */
    public static double[] of(double[] values) {
        double[] result = new double[99];
        if (values.length == 0) {
            Arrays.fill(result, Double.NaN);
            return result;
        }
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        percentile.setData(values);
        for (int p = 1; p <= 99; p++) {
            result[p - 1] = percentile.evaluate(p);
        }
        return result;
    }
}
