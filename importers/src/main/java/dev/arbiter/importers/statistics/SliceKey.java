package dev.arbiter.importers.statistics;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Which units a set of statistics covers: one arm, optionally narrowed to one value of a segment
 * column (or a crossed pair, {@code "plan × complexity" = "pro × easy"}) or to the units first
 * exposed on one day.
 *
 * @param arm           the arm
 * @param segmentColumn the segment column, or null for the whole arm
 * @param segmentValue  its value (null when the units have no value)
 * @param day           the day of first exposure, or null
 */
public record SliceKey(String arm, String segmentColumn, String segmentValue, LocalDate day) {
    /** Separator of crossed segment columns and values. */
    public static final String CROSS = " × ";

    public SliceKey {
        Objects.requireNonNull(arm, "arm");
    }

    public static SliceKey arm(String arm) {
        return new SliceKey(arm, null, null, null);
    }

    public static SliceKey segment(String arm, String column, String value) {
        return new SliceKey(arm, column, value, null);
    }

    public static SliceKey day(String arm, LocalDate day) {
        return new SliceKey(arm, null, null, day);
    }

    public boolean isWholeArm() {
        return segmentColumn == null && day == null;
    }

    public boolean isSegment() {
        return segmentColumn != null;
    }

    public boolean isDay() {
        return day != null;
    }

    /** The same slice in another arm. */
    public SliceKey inArm(String other) {
        return new SliceKey(other, segmentColumn, segmentValue, day);
    }
}
