package dev.arbiter.app.cli;

import dev.arbiter.importers.bench.AnalysisBenchmark;
import dev.arbiter.importers.bench.AnalysisFloor;
import dev.arbiter.importers.bench.ImportBenchmark;
import dev.arbiter.importers.workspace.Access;
import dev.arbiter.importers.workspace.Workspace;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * Issue 22: {@code arbiter analyze} against the floor — bare DuckDB computing what any correct
 * unit-level analysis must ({@link AnalysisFloor}) — as whole processes, alternated in one run, on
 * the benchmark experiment over generated events of two shapes (latencies rounded to 1,000 values,
 * and continuous), at each size asked: wall time, peak resident memory, the ratio (target ≤ 1.5).
 */
final class AnalysisFloorBenchmark {
    static final double TARGET = 1.5;

    private final List<Long> sizes;
    private final int repeats;
    private final Path dir;
    private final PrintWriter out;

    AnalysisFloorBenchmark(List<Long> sizes, int repeats, Path dir, PrintWriter out) {
        this.sizes = List.copyOf(sizes);
        this.repeats = repeats;
        this.dir = dir;
        this.out = out;
    }

    /** Runs every shape and size; false when a ratio misses the target. */
    boolean run() throws Exception {
        Path experiment = Files.writeString(dir.resolve("benchmark.json"), AnalysisBenchmark.EXPERIMENT);
        boolean met = true;
        for (long events : sizes) {
            for (String shape : List.of("rounded", "continuous")) {
                met &= measure(shape, events, experiment);
            }
        }
        return met;
    }

    private boolean measure(String shape, long events, Path experiment) throws Exception {
        Path workspace = dir.resolve(shape + "-" + events + ".arbiter");
        long start = System.nanoTime();
        create(workspace, shape.equals("rounded") ? AnalysisBenchmark.events(events) : AnalysisBenchmark.continuousEvents(events));
        out.printf(Locale.ROOT, "%,d events, %s latencies (%,d sessions): generated in %.1f s%n", events, shape, events / 10,
                (System.nanoTime() - start) / 1e9);
        out.flush();
        List<String> arbiter = WholeProcess.with(WholeProcess.arbiter(null), List.of("analyze", "--workspace",
                workspace.toString(), "--experiment", experiment.toString(), "--json", dir.resolve("out.json").toString()));
        List<String> floor = WholeProcess.with(WholeProcess.javaMain(AnalysisFloor.class.getName()), List.of(workspace.toString()));
        WholeProcess.run(floor); // the file into the page cache, for both
        double[] mine = new double[repeats];
        double[] floors = new double[repeats];
        long peakMine = 0;
        long peakFloor = 0;
        for (int i = 0; i < repeats; i++) {
            WholeProcess.Measured a = WholeProcess.run(i % 2 == 0 ? arbiter : floor);
            WholeProcess.Measured b = WholeProcess.run(i % 2 == 0 ? floor : arbiter);
            WholeProcess.Measured analyse = i % 2 == 0 ? a : b;
            WholeProcess.Measured bare = i % 2 == 0 ? b : a;
            mine[i] = analyse.seconds();
            floors[i] = bare.seconds();
            peakMine = Math.max(peakMine, analyse.peakMegabytes());
            peakFloor = Math.max(peakFloor, bare.peakMegabytes());
            out.printf(Locale.ROOT, "  run %d: arbiter analyze %.2f s (%d MB), floor %.2f s (%d MB)%n", i + 1, analyse.seconds(),
                    analyse.peakMegabytes(), bare.seconds(), bare.peakMegabytes());
            out.flush();
        }
        double ratio = ImportBenchmark.median(mine) / ImportBenchmark.median(floors);
        boolean ok = ratio <= TARGET;
        out.printf(Locale.ROOT, "%s %,d: arbiter analyze %.2f s, floor %.2f s (medians of %d), ratio %.2f (target <= %.1f) %s; "
                        + "peak resident %d MB vs %d MB%n", shape, events, ImportBenchmark.median(mine), ImportBenchmark.median(floors), repeats, ratio, TARGET,
                ok ? "ok" : "MISSED", peakMine, peakFloor);
        out.flush();
        Files.deleteIfExists(workspace);
        return ok;
    }

    private static void create(Path file, String events) throws Exception {
        Files.deleteIfExists(file);
        Workspace.create(file, "benchmark").close();
        try (Workspace workspace = Workspace.open(file, Access.IMPORT); Connection connection = workspace.newConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE requests AS " + events);
        }
    }
}
