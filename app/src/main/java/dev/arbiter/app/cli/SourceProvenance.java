package dev.arbiter.app.cli;

import dev.arbiter.importers.statistics.SourceRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** {@code reproduce --source}: whether the warehouse table and Arbiter's queries are what the report read (issue 20). */
final class SourceProvenance {
    private SourceProvenance() {
    }

    /** Lines saying what is the same and what changed between the report's source ({@code then}, may be null) and now. */
    static List<String> compare(SourceRecord then, SourceRecord now) {
        List<String> lines = new ArrayList<>();
        if (then == null) {
            lines.add("Data: the report was made from a workspace's files; now table " + now.table() + " on " + now.engine()
                    + " (" + count(now.rows()) + " rows): the numbers below say whether it holds the same events.");
            return lines;
        }
        if (!then.engine().equals(now.engine())) {
            lines.add("Data: the report read table " + then.table() + " on " + then.engine() + "; now " + now.table() + " on "
                    + now.engine() + " (" + count(then.rows()) + " → " + count(now.rows()) + " rows; data fingerprints "
                    + "compare on the same engine only).");
        } else if (then.rows() == now.rows() && then.dataFingerprint() != null
                && then.dataFingerprint().equals(now.dataFingerprint())) {
            lines.add("Data: table " + now.table() + " has the same " + count(now.rows()) + " rows and data fingerprint ("
                    + now.dataFingerprint() + ") as in the report.");
        } else if (then.dataFingerprint() == null || now.dataFingerprint() == null) {
            lines.add("Data: table " + now.table() + " has " + count(now.rows()) + " rows (report: " + count(then.rows())
                    + "); " + now.engine() + " gives no data fingerprint to compare.");
        } else {
            lines.add("Data: table " + now.table() + " CHANGED since the report: " + count(then.rows()) + " → "
                    + count(now.rows()) + " rows, data fingerprint " + then.dataFingerprint() + " → " + now.dataFingerprint()
                    + ".");
        }
        lines.add(Objects.equals(then.queryFingerprint(), now.queryFingerprint())
                ? "Queries: the same SQL as the report's (fingerprint " + shortened(now.queryFingerprint()) + ")."
                : "Queries: Arbiter's SQL differs from the report's (another Arbiter version reads it differently): "
                + shortened(then.queryFingerprint()) + " → " + shortened(now.queryFingerprint()) + ".");
        return lines;
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String shortened(String fingerprint) {
        return fingerprint == null ? "none" : fingerprint.substring(0, Math.min(16, fingerprint.length()));
    }
}
