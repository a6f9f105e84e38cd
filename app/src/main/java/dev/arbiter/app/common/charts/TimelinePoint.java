package dev.arbiter.app.common.charts;

import java.time.LocalDate;

/**
 * One day of a timeline series: a value and its band (NaN bounds draw no band that day).
 *
 * @param day   the day
 * @param value the value
 * @param lower lower bound of the band
 * @param upper upper bound of the band
 */
public record TimelinePoint(LocalDate day, double value, double lower, double upper) {
}
