package dev.arbiter.app.cli;

import dev.arbiter.importers.statistics.SourceRecord;
import java.util.Locale;

/** A warehouse analysis's source in words, under the analysis table (issue 20). */
final class SourceText {
    private SourceText() {
    }

    /** "Events: table T on Spark SQL at URL — N rows (data fingerprint F); R rows, B came back." */
    static String describe(SourceRecord source) {
        return String.format(Locale.ROOT, "Events: table %s on %s at %s — %,d rows%s; %,d result rows (%s) came back, "
                        + "aggregates only.", source.table(), source.engine(), source.url(), source.rows(),
                source.dataFingerprint() == null ? "" : " (data fingerprint " + source.dataFingerprint() + ")",
                source.resultRows(), bytes(source.bytesReturned()));
    }

    /** 512 B, 41.3 kB, 2.1 MB. */
    static String bytes(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        return bytes < 1_000_000 ? String.format(Locale.ROOT, "%.1f kB", bytes / 1e3)
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
