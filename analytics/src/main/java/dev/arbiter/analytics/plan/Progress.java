package dev.arbiter.analytics.plan;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

/**
 * Mid-test progress toward the planned sample, judged by the smallest arm.
 *
 * @param plannedPerArm   planned units per arm
 * @param smallestArm     units in the arm with the fewest
 * @param fraction        smallestArm / plannedPerArm, at most 1
 * @param moreUnitsPerArm units still needed in the smallest arm
 */
public record Progress(long plannedPerArm, long smallestArm, double fraction, long moreUnitsPerArm) {
    public static Progress of(List<Long> unitsPerArm, long plannedPerArm) {
        if (plannedPerArm <= 0) {
            throw new IllegalArgumentException("the planned units per arm must be positive: " + plannedPerArm);
        }
        long smallest = unitsPerArm.stream().mapToLong(Long::longValue).min().orElse(0);
        return new Progress(plannedPerArm, smallest, Math.min(1, (double) smallest / plannedPerArm),
                Math.max(0, plannedPerArm - smallest));
    }

    public boolean reached() {
        return moreUnitsPerArm == 0;
    }

    /** E.g. "62% of planned sample; 1,840 more units per arm". */
    public String describe() {
        NumberFormat count = NumberFormat.getIntegerInstance(Locale.US);
        String percent = Math.round(Math.floor(fraction * 100)) + "% of planned sample";
        return reached() ? "100% of planned sample reached (" + count.format(plannedPerArm) + " units per arm)"
                : percent + "; " + count.format(moreUnitsPerArm) + " more units per arm";
    }
}
