package dev.arbiter.app.projection;

import dev.arbiter.analytics.Effect;
import dev.arbiter.analytics.Interval;
import java.util.Locale;

/** How numbers read on screen and in exports: 4 significant digits, effects with their intervals, p-values. */
public final class Format {
    private Format() {
    }

    /** A value with 4 significant digits, or an en dash when there is none. */
    public static String value(double value) {
        if (!Double.isFinite(value)) {
            return "–";
        }
        if (value != 0 && (Math.abs(value) >= 1e6 || Math.abs(value) < 1e-4)) {
            return String.format(Locale.ROOT, "%.3e", value);
        }
        return String.format(Locale.ROOT, "%.4g", value).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    /** {@code -0.0118 [-0.0240, +0.0004]}, or the reason it cannot be estimated. */
    public static String effect(Effect effect) {
        if (!effect.available()) {
            return "n/a: " + effect.unavailableReason();
        }
        return signed(effect.estimate()) + " [" + bound(effect.ci().lower()) + ", " + bound(effect.ci().upper()) + "]";
    }

    /** {@code -1.35% [-2.74%, +0.04%]}. */
    public static String relative(Effect effect) {
        if (!effect.available()) {
            return "n/a: " + effect.unavailableReason();
        }
        return percent(effect.estimate()) + " [" + percent(effect.ci().lower()) + ", " + percent(effect.ci().upper()) + "]";
    }

    /** {@code [0.8612, 0.8844]}. */
    public static String interval(Interval interval) {
        return interval == null ? "" : "[" + value(interval.lower()) + ", " + value(interval.upper()) + "]";
    }

    public static String percent(double fraction) {
        if (Double.isInfinite(fraction)) {
            return fraction > 0 ? "+∞" : "−∞";
        }
        return String.format(Locale.ROOT, "%+.2f%%", 100 * fraction);
    }

    /** p-values as analysts read them: 4 decimals, "< 0.0001" below that. */
    public static String p(double p) {
        if (!Double.isFinite(p)) {
            return "–";
        }
        return p < 0.0001 ? "< 0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }

    public static String count(long count) {
        return String.format(Locale.US, "%,d", count);
    }

    private static String signed(double value) {
        return (value > 0 ? "+" : "") + value(value);
    }

    private static String bound(double value) {
        return Double.isInfinite(value) ? (value > 0 ? "+∞" : "−∞") : signed(value);
    }
}
