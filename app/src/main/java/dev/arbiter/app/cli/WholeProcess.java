package dev.arbiter.app.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        long peak = 0;
        while (process.isAlive()) {
            peak = Math.max(peak, peakKilobytes(status));
            Thread.sleep(10);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + process.exitValue());
        }
        return new Measured(seconds, peak / 1024);
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

    /** {@code base} followed by {@code arguments}. */
    static List<String> with(List<String> base, List<String> arguments) {
        List<String> command = new ArrayList<>(base);
        command.addAll(arguments);
        return command;
    }
}
