package dev.arbiter.app.cli;

import dev.arbiter.importers.bench.AnalysisBenchmark;
import dev.arbiter.importers.bench.AnalysisFloor;
import dev.arbiter.importers.bench.ImportBenchmark;
import dev.arbiter.importers.Sql;
import dev.arbiter.importers.workspace.Access;
import dev.arbiter.importers.workspace.Workspace;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
    /** How many times faster than the analyst's polars notebook analyze must be. */
    static final double NOTEBOOK_TARGET = 4;

    private final List<Long> sizes;
    private final int repeats;
    private final Path dir;
    private final PrintWriter out;
    /** The analyst's polars notebook run beside, or null to leave it out. */
    private final AnalystNotebook notebook;

    AnalysisFloorBenchmark(List<Long> sizes, int repeats, Path dir, PrintWriter out, AnalystNotebook notebook) {
        this.sizes = List.copyOf(sizes);
        this.repeats = repeats;
        this.dir = dir;
        this.out = out;
        this.notebook = notebook;
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
        WholeProcess.Alternated runs = WholeProcess.alternate(arbiter, floor, repeats, firstSide -> { },
                (run, analyse, bare) -> {
                    out.printf(Locale.ROOT, "  run %d: arbiter analyze %.2f s (%d MB), floor %.2f s (%d MB)%n", run,
                            analyse.seconds(), analyse.peakMegabytes(), bare.seconds(), bare.peakMegabytes());
                    out.flush();
                });
        boolean ok = runs.ratio() <= TARGET;
        out.printf(Locale.ROOT, "%s %,d: arbiter analyze %.2f s, floor %.2f s (medians of %d), ratio %.2f (target <= %.1f) %s; "
                        + "peak resident %d MB vs %d MB%n", shape, events, runs.firstMedian(), runs.secondMedian(), repeats,
                runs.ratio(), TARGET, ok ? "ok" : "MISSED", runs.firstPeak(), runs.secondPeak());
        out.flush();
        if (notebook != null) {
            ok &= againstNotebook(workspace, runs.firstMedian());
        }
        Files.deleteIfExists(workspace);
        return ok;
    }

    /**
     * The peer: the polars notebook on a Parquet file of the same events, as whole processes with
     * {@code arbiter import} of that file into a new workspace; its numbers checked against Arbiter's
     * (the last analysis JSON). Target: analyze ≥ 4× faster than the notebook.
     */
    private boolean againstNotebook(Path workspace, double analyze) throws Exception {
        Path parquet = dir.resolve("events.parquet");
        Path imported = dir.resolve("imported.arbiter");
        Path readings = dir.resolve("notebook.json");
        exportParquet(workspace, parquet);
        List<String> importing = WholeProcess.with(WholeProcess.arbiter(null), List.of("import", parquet.toString(),
                "--workspace", imported.toString()));
        double[] notebooks = new double[repeats];
        double[] imports = new double[repeats];
        long peak = 0;
        for (int i = 0; i < repeats; i++) {
            Files.deleteIfExists(imported);
            imports[i] = WholeProcess.run(importing).seconds();
            WholeProcess.Measured run = WholeProcess.run(notebook.command(parquet), readings);
            notebooks[i] = run.seconds();
            peak = Math.max(peak, run.peakMegabytes());
            out.printf(Locale.ROOT, "  run %d: polars notebook %.2f s (%d MB), arbiter import of the Parquet file %.2f s%n", i + 1,
                    run.seconds(), run.peakMegabytes(), imports[i]);
            out.flush();
        }
        Files.deleteIfExists(imported);
        AnalystNotebook.Check check = AnalystNotebook.compare(Json.MAPPER.readTree(readings.toFile()),
                Json.MAPPER.readTree(dir.resolve("out.json").toFile()));
        double speedUp = ImportBenchmark.median(notebooks) / analyze;
        boolean ok = speedUp >= NOTEBOOK_TARGET && check.differences().isEmpty();
        out.printf(Locale.ROOT, "  %s: %.2f s (median of %d, peak %d MB): arbiter analyze %.1fx faster (target >= %.0fx), "
                        + "import + analyze %.1fx; %d numbers compared, %d differ beyond %.0e %s%n", notebook.describe(),
                ImportBenchmark.median(notebooks), repeats, peak, speedUp, NOTEBOOK_TARGET,
                ImportBenchmark.median(notebooks) / (analyze + ImportBenchmark.median(imports)), check.compared(),
                check.differences().size(), AnalystNotebook.TOLERANCE, ok ? "ok" : "MISSED");
        check.differences().stream().limit(10).forEach(line -> out.println("    " + line));
        out.flush();
        Files.deleteIfExists(parquet);
        return ok;
    }

    /** The events as Parquet, written by a plain DuckDB connection (a workspace's own ones may not write files). */
    private static void exportParquet(Path workspace, Path parquet) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + workspace);
             Statement statement = connection.createStatement()) {
            statement.execute("COPY requests TO " + Sql.text(parquet.toString()) + " (FORMAT parquet)");
        }
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
