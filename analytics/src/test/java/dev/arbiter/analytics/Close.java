package dev.arbiter.analytics;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions with an explicit relative tolerance, for values taken from R. */
public final class Close {
    private Close() {
    }

    /** |actual − expected| ≤ tolerance · max(1, |expected|). */
    public static void assertClose(double expected, double actual, double tolerance, String what) {
        double allowed = tolerance * Math.max(1, Math.abs(expected));
        assertTrue(Math.abs(actual - expected) <= allowed,
                what + ": expected " + expected + " but was " + actual + " (tolerance " + allowed + ")");
    }

    /** Relative closeness for small numbers such as p-values: |a − e| ≤ tolerance · |e|. */
    public static void assertRelative(double expected, double actual, double tolerance, String what) {
        assertTrue(Math.abs(actual - expected) <= tolerance * Math.abs(expected),
                what + ": expected " + expected + " but was " + actual + " (relative tolerance " + tolerance + ")");
    }

    /** Checks estimate, CI, SE, df and p of an effect against R, each within {@code tolerance}. */
    public static void assertEffect(double[] expected, Effect actual, double tolerance) {
        assertClose(expected[0], actual.estimate(), tolerance, "estimate");
        assertClose(expected[1], actual.ci().lower(), tolerance, "ci lower");
        assertClose(expected[2], actual.ci().upper(), tolerance, "ci upper");
        assertClose(expected[3], actual.standardError(), tolerance, "se");
    }
}
