package dev.arbiter.analytics.reading;

import dev.arbiter.analytics.Effect;
import dev.arbiter.analytics.Interval;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * The unit a metric's values are read in, and how its numbers are written for people: a proportion
 * as a percentage and its differences in percentage points ({@code 87.2%}, {@code -1.18 pp [-2.40, +0.04]}),
 * latency in ms, cost in dollars. Differences get as many decimals as their interval needs (three
 * significant digits of its half-width), so estimate and bounds line up. Relative lifts are percentages
 * whatever the unit. ASCII minus signs throughout: the text also goes to PDFs and CSV-minded readers.
 */
public enum ValueUnit {
    /** A share of units or events (0 to 1), written as a percentage; differences in points. */
    PERCENT("percent", "%", " pp"),
    MILLISECONDS("ms", " ms", " ms"),
    SECONDS("s", " s", " s"),
    /** US dollars: {@code $0.0048}. */
    USD("usd", "", ""),
    TOKENS("tokens", " tokens", " tokens"),
    /** A plain number. */
    NONE("none", "", "");

    private static final int SIGNIFICANT = 4;

    private final String key;
    private final String valueSuffix;
    private final String differenceSuffix;

    ValueUnit(String key, String valueSuffix, String differenceSuffix) {
        this.key = key;
        this.valueSuffix = valueSuffix;
        this.differenceSuffix = differenceSuffix;
    }

    /** The key written in experiment files and JSON: percent, ms, s, usd, tokens or none. */
    public String key() {
        return key;
    }

    /** The unit of {@code key} (case-insensitive). */
    public static ValueUnit fromKey(String key) {
        for (ValueUnit unit : values()) {
            if (unit.key.equalsIgnoreCase(key.trim())) {
                return unit;
            }
        }
        throw new IllegalArgumentException("must be percent, ms, s, usd, tokens or none, not '" + key + "'");
    }

    /** The label of an axis or column of differences: "percentage points", "ms", "$". */
    public String differenceLabel() {
        return switch (this) {
            case PERCENT -> "percentage points";
            case USD -> "$";
            case NONE -> "";
            default -> differenceSuffix.trim();
        };
    }

    /** A value: {@code 87.17%} (two decimals from 0.1%, so arms line up), {@code 1,234 ms}, {@code $0.004812}, or an en dash when there is none. */
    public String value(double value) {
        if (!Double.isFinite(value)) {
            return "–";
        }
        double shown = this == PERCENT ? 100 * value : value;
        String digits = this == PERCENT && (Math.abs(shown) >= 0.1 || shown == 0) ? String.format(Locale.ROOT, "%.2f", shown) : significant(shown);
        return (this == USD ? dollars(digits) : digits) + valueSuffix;
    }

    /** An interval of values: {@code [86.12%, 88.44%]}. */
    public String interval(Interval interval) {
        return interval == null ? "" : "[" + value(interval.lower()) + ", " + value(interval.upper()) + "]";
    }

    /** A difference with its interval: {@code -1.18 pp [-2.40, +0.04]}, or why it cannot be estimated. */
    public String effect(Effect effect) {
        if (!effect.available()) {
            return "n/a: " + effect.unavailableReason();
        }
        int decimals = decimals(effect.ci());
        return difference(effect.estimate(), decimals) + differenceSuffix + " [" + bound(effect.ci().lower(), decimals)
                + ", " + bound(effect.ci().upper(), decimals) + "]";
    }

    /** The same in words for sentences: {@code -1.18 pp (CI -2.40 to +0.04)}. */
    public String effectInWords(Effect effect) {
        int decimals = decimals(effect.ci());
        return difference(effect.estimate(), decimals) + differenceSuffix + " (CI " + bound(effect.ci().lower(), decimals)
                + " to " + bound(effect.ci().upper(), decimals) + ")";
    }

    /** A size without sign, e.g. a margin or an MDE: {@code 2 pp}, {@code 50 ms}. */
    public String size(double size) {
        return difference(Math.abs(size)).substring(1);
    }

    /** A difference alone with its unit: {@code -1.18 pp}, {@code +$0.0012}. */
    public String difference(double difference) {
        if (!Double.isFinite(difference)) {
            return bound(difference, 0) + differenceSuffix;
        }
        String digits = significant(Math.abs(scaled(difference)));
        return (difference < 0 ? "-" : "+") + (this == USD ? dollars(digits) : digits) + differenceSuffix;
    }

    /** Decimals for estimate and bounds: three significant digits of the interval's half-width. */
    private int decimals(Interval ci) {
        double halfWidth = Math.abs(scaled(ci.upper()) - scaled(ci.lower())) / 2;
        if (!Double.isFinite(halfWidth) || halfWidth == 0) {
            return 4;
        }
        return Math.max(0, Math.min(8, 2 - (int) Math.floor(Math.log10(halfWidth))));
    }

    private String difference(double value, int decimals) {
        String digits = String.format(Locale.ROOT, "%." + decimals + "f", Math.abs(scaled(value)));
        String sign = Double.parseDouble(digits) == 0 ? "" : value < 0 ? "-" : "+";
        return sign + (this == USD ? dollars(digits) : digits);
    }

    private String bound(double value, int decimals) {
        if (Double.isInfinite(value)) {
            return value > 0 ? "+∞" : "−∞";
        }
        return difference(value, decimals).replace("$", "");
    }

    private double scaled(double value) {
        return this == PERCENT ? 100 * value : value;
    }

    private static String dollars(String digits) {
        return digits.startsWith("-") ? "-$" + digits.substring(1) : "$" + digits;
    }

    /** Four significant digits without trailing zeros, thousands grouped, scientific only beyond 1e9 or below 1e-6. */
    private static String significant(double value) {
        if (value != 0 && (Math.abs(value) >= 1e9 || Math.abs(value) < 1e-6)) {
            return String.format(Locale.ROOT, "%.3e", value);
        }
        if (Math.abs(value) >= 10_000) {
            return String.format(Locale.US, "%,.0f", value);
        }
        String text = new BigDecimal(value).round(new MathContext(SIGNIFICANT)).toPlainString();
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }
}
