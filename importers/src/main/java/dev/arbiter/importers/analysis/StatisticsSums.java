package dev.arbiter.importers.analysis;

import dev.arbiter.analytics.CovariateMoments;
import dev.arbiter.analytics.QuantileMetric;
import dev.arbiter.analytics.RatioCovariateMoments;
import dev.arbiter.analytics.RatioMoments;
import dev.arbiter.importers.metrics.ArmStatistics;

/**
 * Sufficient statistics are additive over disjoint sets of units: the cumulative series adds the
 * days' statistics, and a slice with no units is the zero of its kind.
 */
final class StatisticsSums {
    private StatisticsSums() {
    }

    /** Statistics of the union of two disjoint sets of units (quantiles are not additive: the later one wins). */
    static ArmStatistics plus(ArmStatistics a, ArmStatistics b) {
        if (a == null) {
            return b;
        }
        if (a instanceof ArmStatistics.Unit x && b instanceof ArmStatistics.Unit y) {
            CovariateMoments p = x.moments();
            CovariateMoments q = y.moments();
            return new ArmStatistics.Unit(new CovariateMoments(p.n() + q.n(), p.sumY() + q.sumY(),
                    p.sumYSquares() + q.sumYSquares(), p.sumX() + q.sumX(), p.sumXSquares() + q.sumXSquares(),
                    p.sumXY() + q.sumXY()), x.binary() && y.binary());
        }
        if (a instanceof ArmStatistics.Ratio x && b instanceof ArmStatistics.Ratio y) {
            RatioCovariateMoments p = x.moments();
            RatioCovariateMoments q = y.moments();
            return new ArmStatistics.Ratio(new RatioCovariateMoments(p.metric().plus(q.metric()),
                    p.covariate().plus(q.covariate()), p.sumNumCovNum() + q.sumNumCovNum(),
                    p.sumNumCovDen() + q.sumNumCovDen(), p.sumDenCovNum() + q.sumDenCovNum(),
                    p.sumDenCovDen() + q.sumDenCovDen()));
        }
        return b;
    }

    /** Statistics of no units, of the same kind as {@code like}. */
    static ArmStatistics empty(ArmStatistics like, double alpha) {
        if (like instanceof ArmStatistics.Ratio) {
            RatioMoments zero = new RatioMoments(0, 0, 0, 0, 0, 0);
            return new ArmStatistics.Ratio(new RatioCovariateMoments(zero, zero, 0, 0, 0, 0));
        }
        if (like instanceof ArmStatistics.Quantile) {
            return new ArmStatistics.Quantile(new QuantileMetric.ArmQuantile(0, 0, Double.NaN, Double.NaN, Double.NaN,
                    QuantileMetric.z(alpha)));
        }
        return new ArmStatistics.Unit(new CovariateMoments(0, 0, 0, 0, 0, 0), true);
    }
}
