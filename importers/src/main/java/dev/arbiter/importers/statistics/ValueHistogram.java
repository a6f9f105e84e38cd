package dev.arbiter.importers.statistics;

import dev.arbiter.analytics.MidQuantile;
import java.util.Arrays;

/**
 * The exact distribution of one slice's values as distinct values and their counts, from which
 * any mid-quantile ({@link MidQuantile}, the quantile metrics) or R type 7 quantile (the
 * distribution's percentiles) follows without another scan; type 7 is x(lo) + (h − lo)(x(lo+1) − x(lo)) with
 * h = (n − 1)p over the sorted values (the same definition as R's default and DuckDB's
 * {@code quantile_cont}). Values must be appended in increasing order, in Java's total order of
 * doubles (−0.0 before 0.0, NaN last), which is the engine's sort order.
 */
final class ValueHistogram {
    private double[] values = new double[16];
    /** cumulative[i] = how many values are ≤ values[i]. */
    private long[] cumulative = new long[16];
    private int size;
    /** For a window of the values (only those near the quantiles asked): how many lie below it, and in all; -1 for all values. */
    private final long before;
    private final long total;

    /** The histogram of all a slice's values. */
    ValueHistogram() {
        this(0, -1);
    }

    private ValueHistogram(long before, long total) {
        this.before = before;
        this.total = total;
    }

    /**
     * A window of a slice's values (issue 20: what a remote engine sends back for a quantile):
     * {@code before} values lie below the first added, {@code total} in all; only mid-quantiles
     * inside the window can be read from it.
     */
    static ValueHistogram window(long before, long total) {
        return new ValueHistogram(before, total);
    }

    /** Whether this holds only some of the values ({@link #window}). */
    boolean partial() {
        return total >= 0;
    }

    /** Adds {@code count} occurrences of {@code value}, larger than every value added before. */
    void add(double value, long count) {
        if (size > 0 && Double.compare(value, values[size - 1]) <= 0) {
            throw new IllegalArgumentException("values must be added in increasing order: " + value + " after " + values[size - 1]);
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
            cumulative = Arrays.copyOf(cumulative, size * 2);
        }
        values[size] = value;
        cumulative[size] = (size == 0 ? Math.max(0, before) : cumulative[size - 1]) + count;
        size++;
    }

    /** How many values. */
    long count() {
        return partial() ? total : size == 0 ? 0 : cumulative[size - 1];
    }

    /** How many distinct values. */
    int distinct() {
        return size;
    }

    /** The type 7 quantile at probability {@code p} in [0, 1]; NaN when empty or {@code p} is not finite. */
    double quantile(double p) {
        if (partial()) {
            throw new IllegalStateException("a window of the values has no type 7 quantiles");
        }
        return type7(count(), p, this::orderStatistic);
    }

    /** An order statistic by its 0-based position. */
    @FunctionalInterface
    interface OrderStatistics {
        double at(long k);
    }

    /**
     * R's type 7 quantile at {@code p} (clamped to [0, 1]) of {@code n} values given their order
     * statistics; NaN when there are none or {@code p} is not finite.
     */
    static double type7(long n, double p, OrderStatistics statistics) {
        if (n == 0 || !Double.isFinite(p)) {
            return Double.NaN;
        }
        double clamped = Math.min(1, Math.max(0, p));
        double h = (n - 1) * clamped;
        long lo = (long) Math.floor(h);
        double low = statistics.at(lo);
        if (lo + 1 >= n) {
            return low;
        }
        double high = statistics.at(lo + 1);
        return low + (h - lo) * (high - low);
    }

    /** The mid-quantile at probability {@code p} ({@link MidQuantile}); null when empty or {@code p} is not finite. */
    MidQuantile midQuantile(double p) {
        return partial() ? MidQuantile.ofWindow(values, cumulative, size, p, before, total)
                : MidQuantile.of(values, cumulative, size, p);
    }

    /** The {@code k}-th smallest value, 0-based. */
    private double orderStatistic(long k) {
        int index = Arrays.binarySearch(cumulative, 0, size, k + 1);
        if (index < 0) {
            index = -index - 1;
        }
        return values[index];
    }
}
