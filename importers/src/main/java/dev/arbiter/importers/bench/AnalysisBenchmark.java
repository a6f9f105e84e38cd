package dev.arbiter.importers.bench;

import dev.arbiter.importers.analysis.ExperimentAnalyzer;
import dev.arbiter.importers.result.ExperimentResult;
import dev.arbiter.importers.experiment.ExperimentDefinition;
import dev.arbiter.importers.experiment.ExperimentFile;
import dev.arbiter.importers.workspace.Access;
import dev.arbiter.importers.workspace.Workspace;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

/**
 * Times {@code arbiter analyze} on a generated request log (events in sessions, two segment columns
 * and timestamps over days) against one bare DuckDB aggregation scan of the same table (count, sum,
 * sum of squares and a p95 per arm), in the same run; prints the medians and their ratio.
 */
public final class AnalysisBenchmark {
    /** The benchmark's experiment: a primary, four guardrails (one p95), two segments, daily series. */
    public static final String EXPERIMENT = """
            {"name": "benchmark", "dataset": "requests", "variantColumn": "variant", "control": "sonnet",
             "treatments": ["haiku"], "unitColumn": "session_id", "timestampColumn": "ts",
             "primary": {"name": "schema_validity", "column": "schema_valid", "kind": "unit", "aggregate": "mean", "mde": 0.01},
             "guardrails": [
               {"name": "p95_latency_ms", "column": "latency_ms", "kind": "quantile", "quantile": 0.95, "maxRatio": 1.3},
               {"name": "refusal_rate", "column": "refusal", "kind": "ratio", "maxRatio": 2.0},
               {"name": "cost_per_session_usd", "column": "cost_usd", "kind": "unit", "aggregate": "sum", "maxRatio": 1.0},
               {"name": "fallback_rate", "column": "fallback", "kind": "ratio", "maxRatio": 2.0}],
             "segments": ["plan", "complexity"]}""";

    private final long rows;
    private final int repeats;
    private final Path dir;
    private final PrintWriter out;

    public AnalysisBenchmark(long rows, int repeats, Path dir, PrintWriter out) {
        this.rows = rows;
        this.repeats = repeats;
        this.dir = dir;
        this.out = out;
    }

    /** Runs the benchmark; returns false when a target is missed (total ≤ 2 s and ≤ 3× the bare scan). */
    public boolean run() throws Exception {
        Path file = dir.resolve("analysis-benchmark.arbiter");
        Files.deleteIfExists(file);
        Workspace.create(file, "benchmark").close();
        out.printf(Locale.ROOT, "Generating %,d events in %,d sessions ...%n", rows, rows / 10);
        out.flush();
        try (Workspace workspace = Workspace.open(file, Access.IMPORT); Connection connection = workspace.newConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE requests AS " + events(rows));
        }
        ExperimentDefinition definition = ExperimentFile.parse(EXPERIMENT, "benchmark");
        double[] bare = new double[repeats];
        double[] analysis = new double[repeats];
        try (Workspace workspace = Workspace.open(file)) {
            for (int i = 0; i < repeats; i++) {
                bare[i] = bare(workspace);
                long start = System.nanoTime();
                ExperimentResult result = ExperimentAnalyzer.analyze(workspace, definition, null, "benchmark");
                analysis[i] = (System.nanoTime() - start) / 1e9;
                out.printf(Locale.ROOT, "  run %d: bare scan %.2f s, analyze %.2f s (%d segments, %d days)%n", i + 1,
                        bare[i], analysis[i], result.segments().size(), result.series().size());
                out.flush();
            }
        }
        Files.deleteIfExists(file);
        out.println(memory());
        double ratio = ImportBenchmark.median(analysis) / ImportBenchmark.median(bare);
        boolean ok = ImportBenchmark.median(analysis) <= 2.0 && ratio <= 3.0;
        out.printf(Locale.ROOT, "analyze: %.2f s, bare scan %.2f s (medians of %d), ratio %.2f (targets <= 2 s, <= 3x) %s%n",
                ImportBenchmark.median(analysis), ImportBenchmark.median(bare), repeats, ratio, ok ? "ok" : "MISSED");
        return ok;
    }

    /**
     * DuckDB's query generating {@code rows} events whose latencies are continuous (issue 22's shape
     * {@code round(exp(6.8 + u), 1)}, u uniform by a hash: ~15,000 distinct values, few ties), the
     * rest as {@link #events(long)}.
     */
    public static String continuousEvents(long rows) {
        return "SELECT * REPLACE (round(exp(6.8 + (hash(request_id * 7 + 3) % 1000000) / 1000000.0), 1) AS latency_ms) FROM ("
                + events(rows) + ")";
    }

    /** DuckDB's query generating the benchmark's {@code rows} events: the request log with two segment columns. */
    public static String events(long rows) {
        return "SELECT *, CASE hash(session_id) % 3 WHEN 0 THEN 'free' WHEN 1 THEN 'pro' ELSE 'team' END AS plan, "
                + "CASE WHEN hash(session_id || 'c') % 10 < 3 THEN 'complex' ELSE 'easy' END AS complexity FROM ("
                + RequestLogGenerator.query(rows) + ")";
    }

    /**
     * Peak Java heap (sum of the heap pools' peaks), the heap's maximum, and the process's peak
     * resident memory (Linux {@code VmHWM}; DuckDB's memory is native, so only this shows it).
     */
    public static String memory() {
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        long maxHeap = Runtime.getRuntime().maxMemory();
        String resident = "unknown";
        try {
            resident = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("VmHWM:"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024 + " MB").findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            // not Linux: the resident peak is not known
        }
        return String.format(Locale.ROOT, "memory: peak Java heap %d MB (max %d MB), peak resident %s", peakHeap >> 20,
                maxHeap >> 20, resident);
    }

    private static double bare(Workspace workspace) throws Exception {
        long start = System.nanoTime();
        try (Connection connection = workspace.newConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT variant, count(*), sum(latency_ms), sum(latency_ms * latency_ms), "
                     + "quantile_cont(latency_ms, 0.95) FROM requests GROUP BY variant")) {
            while (rows.next()) {
                rows.getDouble(5);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
