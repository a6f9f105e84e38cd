package dev.arbiter.importers.bench;

import dev.arbiter.importers.ingest.DatasetImporter;
import dev.arbiter.importers.ingest.ImportMonitor;
import dev.arbiter.importers.ingest.ImportOptions;
import dev.arbiter.importers.workspace.Access;
import dev.arbiter.importers.workspace.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.Locale;

/**
 * Times Arbiter's import of a generated request log against DuckDB's bare
 * {@code CREATE TABLE AS SELECT * FROM read_csv(...)} / {@code read_parquet(...)} of the same file,
 * in the same run, alternating them; prints the medians, their ratio and the peak Java heap.
 */
public final class ImportBenchmark {
    private final long rows;
    private final int repeats;
    private final Path dir;
    private final PrintWriter out;

    public ImportBenchmark(long rows, int repeats, Path dir, PrintWriter out) {
        this.rows = rows;
        this.repeats = repeats;
        this.dir = dir;
        this.out = out;
    }

    /** Runs both formats; returns false if a target is missed (CSV ≤ 1.15×, Parquet ≤ 1.1×). */
    public boolean run() throws Exception {
        Path csv = csv();
        Path parquet = parquet();
        out.printf(Locale.ROOT, "Generating %,d rows ...%n", rows);
        out.flush();
        RequestLogGenerator.csv(csv, rows);
        RequestLogGenerator.parquet(parquet, rows);
        out.printf(Locale.ROOT, "  CSV %,d MB, Parquet %,d MB%n", Files.size(csv) >> 20, Files.size(parquet) >> 20);
        boolean csvOk = compare("CSV", csv, "read_csv", 1.15);
        boolean parquetOk = compare("Parquet", parquet, "read_parquet", 1.10);
        out.printf(Locale.ROOT, "Peak Java heap: %,d MB (DuckDB's own memory is native, outside the heap)%n",
                peakHeap() >> 20);
        return csvOk && parquetOk;
    }

    /** The generated CSV file (after {@link #run}). */
    public Path csv() {
        return dir.resolve("requests.csv");
    }

    /** The generated Parquet file (after {@link #run}). */
    public Path parquet() {
        return dir.resolve("requests.parquet");
    }

    private boolean compare(String label, Path file, String reader, double target) throws Exception {
        double[] bare = new double[repeats];
        double[] arbiter = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            bare[i] = bare(file, reader, i);
            arbiter[i] = arbiter(file, i);
            out.printf(Locale.ROOT, "  %s run %d: bare DuckDB %.2f s, Arbiter import %.2f s%n", label, i + 1, bare[i], arbiter[i]);
            out.flush();
        }
        double ratio = median(arbiter) / median(bare);
        out.printf(Locale.ROOT, "%s: bare %.2f s, Arbiter %.2f s (medians of %d), ratio %.3f (target <= %.2f) %s%n", label,
                median(bare), median(arbiter), repeats, ratio, target, ratio <= target ? "ok" : "MISSED");
        return ratio <= target;
    }

    private double bare(Path file, String reader, int run) throws Exception {
        Path db = dir.resolve("bare-" + reader + "-" + run + ".duckdb");
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + db);
             PreparedStatement statement = connection.prepareStatement(
                     "CREATE TABLE t AS SELECT * FROM " + reader + "(?)")) {
            statement.setString(1, file.toString());
            statement.execute();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        delete(db);
        return seconds;
    }

    private double arbiter(Path file, int run) throws Exception {
        Path workspacePath = dir.resolve("arbiter-" + run + "-" + file.getFileName() + ".arbiter");
        Workspace.create(workspacePath, "benchmark").close();
        long start = System.nanoTime();
        try (Workspace workspace = Workspace.open(workspacePath, Access.IMPORT)) {
            new DatasetImporter(workspace).importSource(file.toString(), ImportOptions.defaults().withDataset("requests"),
                    ImportMonitor.NONE);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        delete(workspacePath);
        return seconds;
    }

    private static void delete(Path db) throws IOException {
        Files.deleteIfExists(db);
        Files.deleteIfExists(db.resolveSibling(db.getFileName() + ".wal"));
    }

    /** The median of a few timings. */
    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getPeakUsage).mapToLong(usage -> usage.getUsed()).sum();
    }
}
