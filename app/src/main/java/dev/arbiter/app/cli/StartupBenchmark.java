package dev.arbiter.app.cli;

import dev.arbiter.app.common.BuildInfo;
import dev.arbiter.app.desktop.StartupProbe;
import dev.arbiter.samples.SampleWorkspaces;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code arbiter benchmark startup}: launches the desktop app as a user would ({@code java -jar},
 * nothing given, so it opens the support-bot sample) and reads its {@link StartupProbe} line: time
 * to the window's first layout, time to the analysed sample on screen, and the longest wait of the
 * UI thread. First launches (the sample is created) and later ones (it is opened) are timed apart,
 * then a generated workspace of {@code rows} events shows how responsive the window stays while a
 * large experiment is analysed. With a baseline jar, both are run alternately in the same session.
 */
final class StartupBenchmark {
    static final long WINDOW_TARGET_MS = 1500;
    static final long SCREEN_TARGET_MS = 4000;
    private static final Pattern READY = Pattern.compile(
            "arbiter ready: window_ms=(\\d+) screen_ms=(\\d+) longest_stall_ms=(\\d+)");

    private final int repeats;
    private final long rows;
    private final Path dir;
    private final Path baselineJar;
    private final PrintWriter out;

    StartupBenchmark(int repeats, long rows, Path dir, Path baselineJar, PrintWriter out) {
        this.repeats = repeats;
        this.rows = rows;
        this.dir = dir;
        this.baselineJar = baselineJar;
        this.out = out;
    }

    /** One launch's figures, in milliseconds (the wall time measured here, from spawn to exit). */
    record Launch(long window, long screen, long stall, long wall) {
    }

    /** Runs every launch; returns false when the current build misses a target. */
    boolean run() throws Exception {
        if (System.getenv("DISPLAY") == null && System.getProperty("os.name").startsWith("Linux")) {
            throw new IllegalStateException("the startup benchmark opens real windows and needs a display "
                    + "(run it under xvfb-run -a -s '-screen 0 1440x900x24')");
        }
        out.printf(Locale.ROOT, "Arbiter %s, %d cores; times in ms from the JVM's start%n", BuildInfo.version(),
                Runtime.getRuntime().availableProcessors());
        List<Launch> first = new ArrayList<>();
        List<Launch> later = new ArrayList<>();
        List<Launch> baseFirst = new ArrayList<>();
        List<Launch> baseLater = new ArrayList<>();
        for (int i = 1; i <= repeats; i++) {
            if (baselineJar != null) {
                baseFirst.add(launch("baseline first launch " + i, baselineJar, dir.resolve("base-samples-" + i), null));
            }
            first.add(launch("first launch " + i, null, dir.resolve("samples-" + i), null));
        }
        for (int i = 1; i <= repeats; i++) {
            if (baselineJar != null) {
                baseLater.add(launch("baseline later launch " + i, baselineJar, dir.resolve("base-samples-1"), null));
            }
            later.add(launch("later launch " + i, null, dir.resolve("samples-1"), null));
        }
        boolean met = summarise("first launch (sample created)", first, baseFirst)
                & summarise("later launch (sample opened)", later, baseLater);
        if (rows > 0) {
            responsiveness();
        }
        return met;
    }

    private void responsiveness() throws Exception {
        Path workspace = dir.resolve("large.arbiter");
        out.printf(Locale.ROOT, "Generating a %,d-event support-bot workspace ...%n", rows);
        out.flush();
        Files.deleteIfExists(workspace);
        SampleWorkspaces.createGenerated("support-bot", workspace, rows, BuildInfo.version());
        List<Launch> large = new ArrayList<>();
        for (int i = 1; i <= repeats; i++) {
            large.add(launch("large workspace " + i, null, dir.resolve("samples-1"), workspace));
        }
        out.printf(Locale.ROOT, "%,d events: on screen %d ms, longest UI-thread stall %d ms (medians of %d)%n", rows,
                median(large, Launch::screen), median(large, Launch::stall), large.size());
    }

    private boolean summarise(String what, List<Launch> launches, List<Launch> baseline) {
        long window = median(launches, Launch::window);
        long screen = median(launches, Launch::screen);
        boolean ok = window <= WINDOW_TARGET_MS && screen <= SCREEN_TARGET_MS;
        out.printf(Locale.ROOT, "%s: window %d ms, sample on screen %d ms, longest stall %d ms (medians of %d; "
                        + "targets <= %d / <= %d ms) %s%n", what, window, screen, median(launches, Launch::stall),
                launches.size(), WINDOW_TARGET_MS, SCREEN_TARGET_MS, ok ? "ok" : "MISSED");
        if (!baseline.isEmpty()) {
            out.printf(Locale.ROOT, "  baseline: window %d ms, on screen %d ms; ratio window %.2f, on screen %.2f%n",
                    median(baseline, Launch::window), median(baseline, Launch::screen),
                    (double) window / median(baseline, Launch::window), (double) screen / median(baseline, Launch::screen));
        }
        out.flush();
        return ok;
    }

    /** Launches the app (this build, or {@code jar}) and waits for its ready line. */
    private Launch launch(String label, Path jar, Path samples, Path workspace) throws Exception {
        Files.createDirectories(samples);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + dir.resolve("home"), "-Darbiter.samples=" + samples));
        if (jar != null) {
            command.addAll(List.of("-jar", jar.toString()));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.arbiter.app.Launcher"));
        }
        if (workspace != null) {
            command.add(workspace.toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(StartupProbe.ENVIRONMENT, "1");
        long start = System.nanoTime();
        Process process = builder.start();
        List<String> output = new ArrayList<>();
        Launch launch = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
                Matcher ready = READY.matcher(line);
                if (ready.find()) {
                    launch = new Launch(Long.parseLong(ready.group(1)), Long.parseLong(ready.group(2)),
                            Long.parseLong(ready.group(3)), 0);
                }
            }
        }
        int exit = process.waitFor();
        long wall = (System.nanoTime() - start) / 1_000_000;
        if (exit != 0 || launch == null) {
            throw new IOException(label + ": the app exited " + exit + " without its ready line: " + String.join(" | ", output));
        }
        launch = new Launch(launch.window(), launch.screen(), launch.stall(), wall);
        out.printf(Locale.ROOT, "  %-24s window %5d ms, on screen %5d ms, longest stall %4d ms (process %5d ms)%n", label,
                launch.window(), launch.screen(), launch.stall(), launch.wall());
        out.flush();
        return launch;
    }

    private static long median(List<Launch> launches, ToLongFunction<Launch> figure) {
        long[] values = launches.stream().mapToLong(figure).sorted().toArray();
        if (values.length == 0) {
            return 0;
        }
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
