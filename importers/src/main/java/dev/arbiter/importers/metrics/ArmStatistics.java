package dev.arbiter.importers.metrics;

import dev.arbiter.analytics.CovariateMoments;
import dev.arbiter.analytics.QuantileMetric;
import dev.arbiter.analytics.RatioCovariateMoments;

/** The sufficient statistics of one metric in one slice, in the form {@code analytics} consumes. */
public sealed interface ArmStatistics {
    /** Assignment units in the slice. */
    long units();

    /**
     * A unit metric: per-unit values Y (and the covariate X, zeros when there is none).
     *
     * @param moments      n, ΣY, ΣY², ΣX, ΣX², ΣXY over units
     * @param binary       every unit's Y is 0 or 1 (a proportion: variance p(1 − p))
     */
    record Unit(CovariateMoments moments, boolean binary) implements ArmStatistics {
        @Override
        public long units() {
            return moments.n();
        }
    }

    /**
     * A ratio metric: per-unit numerator and denominator (and the covariate ratio's, zeros when none).
     *
     * @param moments the metric's and the covariate's moments with their cross sums
     */
    record Ratio(RatioCovariateMoments moments) implements ArmStatistics {
        @Override
        public long units() {
            return moments.metric().n();
        }
    }

    /**
     * A quantile metric: the quantile and its cluster-aware interval; only the value when the
     * slice's interval was not computed (daily series).
     *
     * @param quantile the arm's quantile with interval bounds (NaN bounds when not computed)
     */
    record Quantile(QuantileMetric.ArmQuantile quantile) implements ArmStatistics {
        @Override
        public long units() {
            return quantile.units();
        }
    }
}
