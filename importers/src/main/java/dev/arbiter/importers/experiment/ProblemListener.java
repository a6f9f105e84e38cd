package dev.arbiter.importers.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * Receives each problem of an experiment definition with the key it is about, e.g.
 * {@code guardrails[1].quantile} (PDFsam's builder-and-callback pattern: a builder reports, the
 * caller decides how to show it — a list of lines, an editor's field).
 */
@FunctionalInterface
public interface ProblemListener {
    void report(String key, String message);

    /** A listener collecting "key: message" lines. */
    static Collecting collecting() {
        return new Collecting();
    }

    /** Collects problems as "key: message" lines, in the order reported. */
    final class Collecting implements ProblemListener {
        private final List<String> lines = new ArrayList<>();

        @Override
        public void report(String key, String message) {
            lines.add(key + ": " + message);
        }

        public List<String> lines() {
            return List.copyOf(lines);
        }
    }
}
