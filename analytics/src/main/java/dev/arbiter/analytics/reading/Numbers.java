package dev.arbiter.analytics.reading;

import java.util.Locale;

/** Number formats for plain-language reasons. */
final class Numbers {
    private Numbers() {
    }

    static String p(double p) {
        return p < 0.0001 ? "< 0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }

    /** "p = 0.0016", or "p < 0.0001". */
    static String pIs(double p) {
        return p < 0.0001 ? "p < 0.0001" : "p = " + p(p);
    }

    static String plain(double value) {
        return String.format(Locale.ROOT, "%.4g", value).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }
}
