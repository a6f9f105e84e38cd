package dev.arbiter.analytics;

import java.util.stream.LongStream;

/**
 * A quantile read on the mid-distribution function F_mid(x) = P(X &lt; x) + P(X = x)/2, linearly
 * interpolated between the distinct values (the sample mid-quantile of Ma, Genton &amp; Parzen 2011,
 * "Asymptotic properties of sample quantiles of discrete distributions", Ann. Inst. Stat. Math.
 * 63:227–243). It varies smoothly with the data even when values repeat — integer counts, tokens,
 * 1–5 ratings, rounded latencies — where an order statistic jumps between neighbouring values; on
 * values without ties it is R's {@code quantile(type = 5)}.
 *
 * <p>The quantile lies a share {@code t} of the way from the distinct value {@code lower} to the
 * next one, {@code upper}. Its cluster-aware standard error comes from the share of events
 * F̂_mid at it, a ratio over units whose per-event weights are {@link #weight(double)}: 1 below
 * {@code lower}, (1 + t)/2 at {@code lower}, t/2 at {@code upper}, 0 above. The neighbours
 * {@code below} and {@code above} only place the cuts between distinct values, so that a query can
 * weigh events with {@code <} comparisons alone.
 *
 * @param below the distinct value before {@code lower}, or −∞
 * @param lower the distinct value at or below the quantile
 * @param upper the next distinct value ({@code lower} itself when the quantile is the smallest or largest value)
 * @param above the distinct value after {@code upper}, or +∞
 * @param t     where the quantile lies between {@code lower} and {@code upper}, in [0, 1)
 */
public record MidQuantile(double below, double lower, double upper, double above, double t) {
    /** The quantile. */
    public double value() {
        return lower + t * (upper - lower);
    }

    /** Whether the quantile is an end of the data (below the first or above the last mid-rank). */
    public boolean clamped() {
        return lower == upper;
    }

    /**
     * The three cuts between distinct values: below|lower, lower|upper, upper|above; past an end of
     * the data, a finite value beyond it (no event lies there), so that a query can bind them.
     */
    public double[] cuts() {
        double first = below == Double.NEGATIVE_INFINITY ? lower - Math.max(1, Math.abs(lower)) : below / 2 + lower / 2;
        double third = above == Double.POSITIVE_INFINITY ? upper + Math.max(1, Math.abs(upper)) : upper / 2 + above / 2;
        return new double[] {first, clamped() ? third : lower / 2 + upper / 2, third};
    }

    /** The weights of an event below the first cut, between the cuts, and above the last: 1, (1 + t)/2, t/2, 0. */
    public double[] weights() {
        return new double[] {1, (1 + t) / 2, t / 2, 0};
    }

    /** An event's weight in the share F̂_mid at the quantile. */
    public double weight(double value) {
        double[] cuts = cuts();
        double[] weights = weights();
        for (int i = 0; i < cuts.length; i++) {
            if (value < cuts[i]) {
                return weights[i];
            }
        }
        return weights[cuts.length];
    }

    /**
     * The mid-quantile at {@code p} of data given as distinct values in increasing order with their
     * cumulative counts ({@code cumulative[i]} values are ≤ {@code values[i]}); null when empty or
     * {@code p} is not finite.
     */
    public static MidQuantile of(double[] values, long[] cumulative, int size, double p) {
        return size == 0 ? null : ofWindow(values, cumulative, size, p, 0, cumulative[size - 1]);
    }

    /**
     * The mid-quantile at {@code p} from a window of the distinct values (issue 20: only the values
     * near a quantile leave a remote engine): {@code before} values lie below the window's first,
     * {@code total} in all, and {@code cumulative[i]} counts every value ≤ {@code values[i]}. The
     * window must hold the distinct values from the one before the quantile's lower value to the
     * one after its upper value (those that exist); otherwise this throws rather than guess.
     */
    public static MidQuantile ofWindow(double[] values, long[] cumulative, int size, double p, long before, long total) {
        if (size == 0 || !Double.isFinite(p)) {
            return null;
        }
        double rank = p * total;
        int k = lastAtOrBelow(cumulative, size, rank, before);
        double lowRank = midRank(cumulative, k, before);
        boolean atStart = before == 0;
        boolean atEnd = cumulative[size - 1] == total;
        boolean atLower = rank <= lowRank; // the quantile is the lower value itself: its successor only places a cut
        if (!atStart && (k == 0 || rank < lowRank) || !atEnd && k + (atLower ? 1 : 2) >= size) {
            throw new IllegalStateException("the window of " + size + " values does not hold the quantile at " + p);
        }
        if (atLower || k + 1 == size) {
            return new MidQuantile(k == 0 ? Double.NEGATIVE_INFINITY : values[k - 1], values[k], values[k],
                    k + 1 == size ? Double.POSITIVE_INFINITY : values[k + 1], 0);
        }
        double t = (rank - lowRank) / (midRank(cumulative, k + 1, before) - lowRank);
        return new MidQuantile(k == 0 ? Double.NEGATIVE_INFINITY : values[k - 1], values[k], values[k + 1],
                k + 2 == size ? Double.POSITIVE_INFINITY : values[k + 2], t);
    }

    /**
     * The 1-based positions of the order statistics that give the mid-quantile at {@code p} of
     * {@code n} values when none of them is tied: the one at or below it, the next, and one
     * neighbour on each side (those inside 1..n), in increasing order.
     */
    public static long[] positions(long n, double p) {
        long j = position(n, p);
        return LongStream.rangeClosed(j - 1, j + 2).filter(i -> i >= 1 && i <= n).toArray();
    }

    /**
     * The mid-quantile at {@code p} from the order statistics at {@link #positions(long, double)}
     * (same order), or null when two of them are equal: a tie there moves the mid-ranks, so the
     * values must be counted instead.
     */
    public static MidQuantile ofOrderStatistics(long n, double p, double[] statistics) {
        for (int i = 1; i < statistics.length; i++) {
            if (!(statistics[i - 1] < statistics[i])) {
                return null;
            }
        }
        long j = position(n, p);
        double rank = p * n;
        int at = j > 1 ? 1 : 0;
        double below = j > 1 ? statistics[0] : Double.NEGATIVE_INFINITY;
        double lower = statistics[at];
        if (rank <= j - 0.5 || j == n) {
            return new MidQuantile(below, lower, lower, j < n ? statistics[at + 1] : Double.POSITIVE_INFINITY, 0);
        }
        return new MidQuantile(below, lower, statistics[at + 1],
                j + 2 <= n ? statistics[at + 2] : Double.POSITIVE_INFINITY, rank - (j - 0.5));
    }

    /** The position j (1..n) of the distinct value at or below the quantile: the largest with mid-rank j − ½ ≤ np. */
    private static long position(long n, double p) {
        return Math.max(1, Math.min(n, (long) Math.floor(p * n + 0.5)));
    }

    /** The mid-quantile of sorted values (ties allowed); null when there are none. */
    public static MidQuantile ofSorted(double[] sorted, double p) {
        double[] values = new double[sorted.length];
        long[] cumulative = new long[sorted.length];
        int size = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (size > 0 && sorted[i] == values[size - 1]) {
                cumulative[size - 1]++;
            } else {
                values[size] = sorted[i];
                cumulative[size] = i + 1L;
                size++;
            }
        }
        return of(values, cumulative, size, p);
    }

    /** The largest k whose mid-rank is at most {@code rank} (0 when none is), by bisection. */
    private static int lastAtOrBelow(long[] cumulative, int size, double rank, long before) {
        int low = 0;
        int high = size - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (midRank(cumulative, middle, before) <= rank) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    /** The count below value k plus half its own count: n · F_mid at the k-th distinct value. */
    private static double midRank(long[] cumulative, int k, long before) {
        long below = k == 0 ? before : cumulative[k - 1];
        return below + (cumulative[k] - below) / 2.0;
    }
}
