package dev.arbiter.app.cli;

import dev.arbiter.importers.bench.ImportBenchmark;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A benchmark's side run as its own process, as a user's script runs it: wall time from spawn to
 * exit, and the process's peak resident memory (Linux {@code VmHWM}, read while it runs; DuckDB's
 * memory is native, so the Java heap alone would not show it).
 */
final class WholeProcess {
    /** One run: wall time and peak resident memory (0 where /proc is not there). */
    record Measured(double seconds, long peakMegabytes) {
    }

    private WholeProcess() {
    }

    /** {@code java -jar JAR}: the given jar, or this build's (its classes and libraries when not run from a jar). */
    static List<String> arbiter(Path jar) throws URISyntaxException {
        Path self = jar != null ? jar : Path.of(ArbiterCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (self.toString().endsWith(".jar")) {
            return List.of(java(), "-jar", self.toString());
        }
        return List.of(java(), "-cp", System.getProperty("java.class.path"), "dev.arbiter.app.Launcher");
    }

    /** {@code java -cp (this build) MAIN}: a small client in Arbiter's class path (the floor). */
    static List<String> javaMain(String mainClass) throws URISyntaxException {
        Path self = Path.of(ArbiterCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return List.of(java(), "-cp", self.toString().endsWith(".jar") ? self.toString() : System.getProperty("java.class.path"),
                mainClass);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Runs {@code command} (output discarded); fails when it exits with another code than 0. */
    static Measured run(List<String> command) throws IOException, InterruptedException {
        return run(command, null);
    }

    /**
     * Runs {@code command} with its standard output into {@code output} (discarded when null; errors
     * go to the log beside it, or are discarded); fails when it exits with another code than 0.
     */
    static Measured run(List<String> command, Path output) throws IOException, InterruptedException {
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command);
        if (output == null) {
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        } else {
            builder.redirectOutput(output.toFile()).redirectError(output.resolveSibling(output.getFileName() + ".log").toFile());
        }
        Process process = builder.start();
        long peak = 0;
        while (process.isAlive()) {
            peak = Math.max(peak, peakKilobytes(process.pid()));
            Thread.sleep(10);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + process.exitValue());
        }
        return new Measured(seconds, peak / 1024);
    }

    /**
     * The peak resident memory of a process and the processes it started (an engine command runs
     * in a second JVM, {@code dev.arbiter.app.ClassArchiveLaunch}): the sum of each one's own peak,
     * an upper bound of what they held at once.
     */
    private static long peakKilobytes(long pid) {
        long peak = peakKilobytes(Path.of("/proc", Long.toString(pid), "status"));
        for (long child : children(pid)) {
            peak += peakKilobytes(child);
        }
        return peak;
    }

    /**
     * A process's children from {@code /proc/PID/task/*}{@code /children} (a JVM starts processes from
     * its threads, not its first one; a few small reads, where {@link ProcessHandle#descendants()}
     * reads every process's status — polled every 10 ms, that took CPU from the processes measured);
     * none when it has gone.
     */
    private static List<Long> children(long pid) {
        List<Long> children = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                String listed = Files.readString(task.resolve("children")).trim();
                if (!listed.isEmpty()) {
                    Arrays.stream(listed.split(" ")).map(Long::valueOf).forEach(children::add);
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone meanwhile, or no /proc: the children seen so far
        }
        return children;
    }

    private static long peakKilobytes(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended between the check and the read, or no /proc: keep what was seen
        }
        return 0;
    }

    /** The wall time of one process, in ms (its output discarded). */
    static long millis(List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        int exit = process.waitFor();
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (exit != 0) {
            throw new IOException(String.join(" ", command) + " exited " + exit);
        }
        return millis;
    }

    /** Each side's runs of {@link #alternate}: wall times and the peak resident memory seen. */
    record Alternated(double[] first, double[] second, long firstPeak, long secondPeak) {
        double firstMedian() {
            return ImportBenchmark.median(first);
        }

        double secondMedian() {
            return ImportBenchmark.median(second);
        }

        double ratio() {
            return firstMedian() / secondMedian();
        }
    }

    /** What to do before one side's run (e.g. delete what its last run wrote). */
    @FunctionalInterface
    interface BeforeRun {
        void prepare(boolean firstSide) throws IOException;
    }

    /** Told each pair of runs (run from 1), to print it. */
    @FunctionalInterface
    interface AfterPair {
        void done(int run, Measured first, Measured second);
    }

    /**
     * Runs two commands {@code repeats} times each, alternating which goes first (first, second;
     * second, first; ...) so that a machine's drift weighs on both alike.
     */
    static Alternated alternate(List<String> first, List<String> second, int repeats, BeforeRun before, AfterPair after)
            throws IOException, InterruptedException {
        double[] firsts = new double[repeats];
        double[] seconds = new double[repeats];
        long firstPeak = 0;
        long secondPeak = 0;
        for (int i = 0; i < repeats; i++) {
            Measured[] pair = new Measured[2];
            for (int turn = 0; turn < 2; turn++) {
                boolean firstSide = (i + turn) % 2 == 0;
                before.prepare(firstSide);
                pair[firstSide ? 0 : 1] = run(firstSide ? first : second);
            }
            firsts[i] = pair[0].seconds();
            seconds[i] = pair[1].seconds();
            firstPeak = Math.max(firstPeak, pair[0].peakMegabytes());
            secondPeak = Math.max(secondPeak, pair[1].peakMegabytes());
            after.done(i + 1, pair[0], pair[1]);
        }
        return new Alternated(firsts, seconds, firstPeak, secondPeak);
    }

    /** {@code base} followed by {@code arguments}. */
    static List<String> with(List<String> base, List<String> arguments) {
        List<String> command = new ArrayList<>(base);
        command.addAll(arguments);
        return command;
    }
}
