package dev.arbiter.importers.ingest;

import java.util.Locale;

/** Prints how long each phase of an import took, when run with {@code -Darbiter.import.timing=true}. */
final class PhaseTimer {
    private static final boolean ENABLED = Boolean.getBoolean("arbiter.import.timing");
    private long last = System.nanoTime();

    void mark(String phase) {
        long now = System.nanoTime();
        if (ENABLED) {
            System.err.printf(Locale.ROOT, "  [import] %-28s %6.3f s%n", phase, (now - last) / 1e9);
        }
        last = now;
    }
}
