package dev.arbiter.app.cli;

import dev.arbiter.importers.bench.ImportFloor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Issue 22: {@code arbiter import} of a file into a new workspace against the floor — a small JDBC
 * client running bare DuckDB's {@code CREATE TABLE AS SELECT * FROM read_csv(…)} ({@link ImportFloor})
 * — both as whole processes, as a user waits for them, alternated in one run: wall time, peak
 * resident memory, the ratio (target ≤ 1.15 for CSV).
 */
final class ImportProcessBenchmark {
    static final double TARGET = 1.15;
    /** The older target for Parquet (the in-process one's): DuckDB's Parquet load is short, so fixed costs weigh more. */
    static final double PARQUET_TARGET = 1.10;

    private final int repeats;
    private final Path dir;
    private final PrintWriter out;

    ImportProcessBenchmark(int repeats, Path dir, PrintWriter out) {
        this.repeats = repeats;
        this.dir = dir;
        this.out = out;
    }

    /** Measures the import of {@code file}; false when the ratio misses {@code target}. */
    boolean measure(String label, Path file, double target) throws Exception {
        Path workspace = dir.resolve("process-import.arbiter");
        Path database = dir.resolve("process-floor.duckdb");
        List<String> arbiter = WholeProcess.with(WholeProcess.arbiter(null), List.of("import", file.toString(), "--workspace",
                workspace.toString()));
        List<String> floor = WholeProcess.with(WholeProcess.javaMain(ImportFloor.class.getName()), List.of(file.toString(),
                database.toString()));
        WholeProcess.Alternated runs = WholeProcess.alternate(arbiter, floor, repeats,
                arbiterSide -> delete(arbiterSide ? workspace : database), (run, imported, bare) -> {
                    out.printf(Locale.ROOT, "  %s whole-process run %d: arbiter import %.2f s, floor %.2f s%n", label, run,
                            imported.seconds(), bare.seconds());
                    out.flush();
                });
        delete(workspace);
        delete(database);
        boolean ok = runs.ratio() <= target;
        out.printf(Locale.ROOT, "%s, whole processes: arbiter import %.2f s, floor %.2f s (medians of %d), ratio %.3f (target <= %.2f) "
                        + "%s; peak resident %d MB vs %d MB%n", label, runs.firstMedian(), runs.secondMedian(), repeats,
                runs.ratio(), target, ok ? "ok" : "MISSED", runs.firstPeak(), runs.secondPeak());
        out.flush();
        return ok;
    }

    private static void delete(Path database) throws IOException {
        Files.deleteIfExists(database);
        Files.deleteIfExists(database.resolveSibling(database.getFileName() + ".wal"));
    }
}
