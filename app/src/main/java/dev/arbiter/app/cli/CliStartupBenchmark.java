package dev.arbiter.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a script waits for when it calls {@code arbiter}: whole processes of {@code java -jar
 * arbiter.jar --version} and {@code arbiter analyze --help}, this build and an
 * optional baseline jar alternately, timed from spawn to exit. Target: {@value #TARGET_MS} ms for
 * {@code --version} (issue 22).
 */
final class CliStartupBenchmark {
    static final long TARGET_MS = 400;

    private final int repeats;
    private final Path baselineJar;
    private final PrintWriter out;

    CliStartupBenchmark(int repeats, Path baselineJar, PrintWriter out) {
        this.repeats = repeats;
        this.baselineJar = baselineJar;
        this.out = out;
    }

    boolean run() throws IOException, InterruptedException, URISyntaxException {
        out.printf(Locale.ROOT, "warm-up (file cache) %d ms%n", WholeProcess.millis(WholeProcess.with(WholeProcess.arbiter(null), List.of("import", "--help"))));
        boolean met = true;
        for (List<String> arguments : List.of(List.of("--version"), List.of("analyze", "--help"))) {
            List<Long> mine = new ArrayList<>();
            List<Long> theirs = new ArrayList<>();
            for (int i = 0; i < repeats; i++) {
                if (baselineJar != null) {
                    theirs.add(WholeProcess.millis(WholeProcess.with(WholeProcess.arbiter(baselineJar), arguments)));
                }
                mine.add(WholeProcess.millis(WholeProcess.with(WholeProcess.arbiter(null), arguments)));
            }
            long median = median(mine);
            boolean ok = !arguments.get(0).equals("--version") || median <= TARGET_MS;
            met &= ok;
            out.printf(Locale.ROOT, "arbiter %s: %s ms, median %d ms%s%s%n", String.join(" ", arguments), mine, median,
                    arguments.get(0).equals("--version") ? " (target <= " + TARGET_MS + " ms) " + (ok ? "ok" : "MISSED") : "",
                    baselineJar == null ? "" : String.format(Locale.ROOT, "; baseline %s ms, median %d ms, ratio %.2f", theirs,
                            median(theirs), (double) median / median(theirs)));
        }
        out.flush();
        return met;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
