package dev.arbiter.analytics;


/**
 * The sufficient statistics of one metric in one slice (an arm, a segment value, a day), the form
 * every reading in {@code analytics} starts from. Unit and ratio statistics are additive over
 * disjoint sets of units ({@link #plus}), so days add up to the cumulative series; a slice with no
 * units is the zero of its kind ({@link #empty}).
 */
public sealed interface ArmStatistics {
    /** Assignment units in the slice. */
    long units();

    /**
     * The statistics of the union of this slice's units and {@code other}'s, which must be disjoint;
     * quantiles are not additive, so for them (or for kinds that differ) {@code other} wins.
     */
    ArmStatistics plus(ArmStatistics other);

    /** The statistics of no units, of the same kind as this ({@code alpha} sets a quantile's z). */
    ArmStatistics empty(double alpha);

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

        @Override
        public ArmStatistics plus(ArmStatistics other) {
            if (!(other instanceof Unit that)) {
                return other;
            }
            return new Unit(moments.plus(that.moments), binary && that.binary);
        }

        @Override
        public ArmStatistics empty(double alpha) {
            return new Unit(new CovariateMoments(0, 0, 0, 0, 0, 0), true);
        }
    }

    /**
     * A ratio metric: per-unit numerator and denominator (and the covariate ratio's, zeros when none).
     *
     * @param moments the metric's and the covariate's moments with their cross sums
     * @param shares  every unit's numerator is a whole number between 0 and its denominator (a count
     *                of its events, e.g. of a 0/1 column over events): the ratio is a share
     */
    record Ratio(RatioCovariateMoments moments, boolean shares) implements ArmStatistics {
        @Override
        public long units() {
            return moments.metric().n();
        }

        @Override
        public ArmStatistics plus(ArmStatistics other) {
            if (!(other instanceof Ratio that)) {
                return other;
            }
            RatioCovariateMoments p = moments;
            RatioCovariateMoments q = that.moments;
            return new Ratio(new RatioCovariateMoments(p.metric().plus(q.metric()), p.covariate().plus(q.covariate()),
                    p.sumNumCovNum() + q.sumNumCovNum(), p.sumNumCovDen() + q.sumNumCovDen(),
                    p.sumDenCovNum() + q.sumDenCovNum(), p.sumDenCovDen() + q.sumDenCovDen()), shares && that.shares);
        }

        @Override
        public ArmStatistics empty(double alpha) {
            RatioMoments zero = new RatioMoments(0, 0, 0, 0, 0, 0);
            return new Ratio(new RatioCovariateMoments(zero, zero, 0, 0, 0, 0), true);
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

        @Override
        public ArmStatistics plus(ArmStatistics other) {
            return other;
        }

        @Override
        public ArmStatistics empty(double alpha) {
            return none(alpha);
        }

        /** A quantile of no events. */
        static Quantile none(double alpha) {
            return new Quantile(new QuantileMetric.ArmQuantile(0, 0, Double.NaN, Double.NaN, Double.NaN, QuantileMetric.z(alpha)));
        }
    }

    /**
     * A treatment arm in a paired design (an eval set answered by every arm): its per-item values
     * paired with control's on the items both answered, Y = treatment and X = control
     * ({@link PairedComparison}).
     *
     * @param pairs  n items, ΣY, ΣY², ΣX, ΣX², ΣXY over the paired items
     * @param binary every value of both arms is 0 or 1 (pass/fail)
     */
    record Paired(CovariateMoments pairs, boolean binary) implements ArmStatistics {
        @Override
        public long units() {
            return pairs.n();
        }

        @Override
        public ArmStatistics plus(ArmStatistics other) {
            if (!(other instanceof Paired that)) {
                return other;
            }
            return new Paired(pairs.plus(that.pairs), binary && that.binary);
        }

        @Override
        public ArmStatistics empty(double alpha) {
            return new Paired(new CovariateMoments(0, 0, 0, 0, 0, 0), true);
        }

        /** The treatment's own values over the paired items. */
        public Unit treatment() {
            return new Unit(new CovariateMoments(pairs.n(), pairs.sumY(), pairs.sumYSquares(), 0, 0, 0), binary);
        }
    }

    /**
     * A treatment arm's quantile in a paired design, with control's over the same items: the two
     * arms' per-item sums the covariance of the estimates needs ({@link PairedQuantile}).
     *
     * @param control   control over the slice's items
     * @param treatment this treatment over the same items
     */
    record PairedQuantiles(PairedQuantile.Arm control, PairedQuantile.Arm treatment) implements ArmStatistics {
        @Override
        public long units() {
            return treatment.quantile().units();
        }

        /** Quantiles do not add: {@code other} wins, as for {@link Quantile}. */
        @Override
        public ArmStatistics plus(ArmStatistics other) {
            return other;
        }

        @Override
        public ArmStatistics empty(double alpha) {
            return Quantile.none(alpha);
        }
    }
}
