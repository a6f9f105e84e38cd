package dev.arbiter.analytics;

import java.util.List;
import java.util.Objects;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Sample ratio mismatch: Pearson's χ² goodness-of-fit of the units per arm against the planned
 * split, no continuity correction, k − 1 df; flagged at p &lt; 0.001. Arms with zero units count.
 * Equivalent to R {@code chisq.test(x = counts, p = planned)}.
 */
public final class SampleRatioCheck {
    /** The pinned threshold below which a mismatch is flagged. */
    public static final double FLAG_BELOW = 0.001;

    private SampleRatioCheck() {
    }

    /**
     * The check's outcome.
     *
     * @param chiSquare  Pearson's statistic
     * @param df         k − 1
     * @param pValue     upper-tail probability; NaN when there are no units yet (nothing to check)
     * @param flagged    p &lt; {@value #FLAG_BELOW}
     * @param observedShares each arm's share of units, in input order
     */
    public record Result(double chiSquare, int df, double pValue, boolean flagged, List<Double> observedShares) {
        public Result {
            observedShares = List.copyOf(observedShares);
        }

        /** Whether there were units to check (without any, there is no test and no p-value). */
        public boolean checked() {
            return !Double.isNaN(pValue);
        }
    }

    /**
     * @param units   units per arm
     * @param planned planned share per arm (same order), positive, summing to 1 within 1e-6
     */
    public static Result test(List<Long> units, List<Double> planned) {
        Objects.requireNonNull(units, "units");
        if (units.size() != planned.size() || units.size() < 2) {
            throw new IllegalArgumentException("need the units and planned share of at least 2 arms, in the same order");
        }
        double shareSum = planned.stream().mapToDouble(Double::doubleValue).sum();
        if (Math.abs(shareSum - 1) > 1e-6 || planned.stream().anyMatch(share -> !(share > 0))) {
            throw new IllegalArgumentException("planned shares must be positive and sum to 1, got " + planned);
        }
        long total = units.stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return new Result(Double.NaN, units.size() - 1, Double.NaN, false, planned.stream().map(share -> 0.0).toList());
        }
        double chiSquare = 0;
        for (int i = 0; i < units.size(); i++) {
            double expected = total * planned.get(i);
            double gap = units.get(i) - expected;
            chiSquare += gap * gap / expected;
        }
        int df = units.size() - 1;
        double p = ChiSquaredDistribution.of(df).survivalProbability(chiSquare);
        return new Result(chiSquare, df, p, p < FLAG_BELOW,
                units.stream().map(count -> (double) count / total).toList());
    }
}
