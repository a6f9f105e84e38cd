package dev.arbiter.app.cli;

import dev.arbiter.importers.bench.ImportBenchmark;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code arbiter benchmark import|analyze|startup}: the figures in docs/benchmarks.md. */
@Command(name = "benchmark", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure Arbiter against bare DuckDB on generated data (see docs/benchmarks.md).",
                "  arbiter benchmark import [--rows 10000000] [--repeats 3] [--dir DIR]",
                "    (in-process, then whole processes: arbiter import vs a bare DuckDB client, CSV and Parquet)",
                "  arbiter benchmark analyze [--rows 1000000,10000000,50000000] [--repeats 3] [--dir DIR] [--python PYTHON]",
                "    (whole processes: arbiter analyze vs the floor, bare DuckDB, on rounded and continuous latencies;",
                "    and vs the analyst's polars notebook on a Parquet file of the same events, its numbers checked)",
                "  arbiter benchmark startup [--rows 1000000] [--repeats 3] [--dir DIR] [--baseline-jar OLD.jar]",
                "    (opens real windows: needs a display, e.g. xvfb-run)",
                "  arbiter benchmark cli [--repeats 3] [--baseline-jar OLD.jar]   (command-line start-up)"})
final class BenchmarkCommand implements Callable<Integer> {
    private static final long DEFAULT_ROWS = 10_000_000;

    @Parameters(paramLabel = "WHAT", description = "What to measure: import, analyze, startup or cli.")
    private String what;

    @Option(names = "--rows", paramLabel = "N", split = ",", description = "Rows to generate (default 10,000,000; for "
            + "startup the events of the large workspace, default 1,000,000, 0 for none); analyze takes several: 1000000,10000000.")
    private List<Long> rows;

    @Option(names = "--repeats", paramLabel = "K", defaultValue = "3", description = "Runs of each side (default ${DEFAULT-VALUE}).")
    private int repeats;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where to write the files (default: a temporary folder).")
    private Path dir;

    @Option(names = "--python", paramLabel = "PYTHON", defaultValue = "python3", description = "analyze: the Python that "
            + "runs the analyst's polars notebook beside it (needs polars, numpy, scipy; default ${DEFAULT-VALUE}; "
            + "'none' leaves it out).")
    private String python;

    @Option(names = "--baseline-jar", paramLabel = "JAR", description = "startup and cli: an earlier arbiter.jar, "
            + "launched alternately with this one (ratios in the same run).")
    private Path baselineJar;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    /** The one row count a benchmark other than analyze takes. */
    private long rows(long otherwise) {
        if (rows != null && rows.size() > 1) {
            throw new IllegalArgumentException("--rows: " + what + " takes one count; analyze takes several");
        }
        return rows == null ? otherwise : rows.get(0);
    }

    /** In-process (the import alone), then whole processes (what the user waits for) on the same files. */
    private boolean importBoth(long count, Path folder, PrintWriter out) throws Exception {
        ImportBenchmark inProcess = new ImportBenchmark(count, repeats, folder, out);
        boolean met = inProcess.run();
        ImportProcessBenchmark processes = new ImportProcessBenchmark(repeats, folder, out);
        met &= processes.measure("CSV", inProcess.csv(), ImportProcessBenchmark.TARGET);
        return met & processes.measure("Parquet", inProcess.parquet(), ImportProcessBenchmark.PARQUET_TARGET);
    }

    @Override
    public Integer call() throws Exception {
        if (!List.of("import", "analyze", "startup", "cli").contains(what)) {
            throw new IllegalArgumentException("unknown benchmark '" + what + "': use import, analyze, startup or cli");
        }
        Path folder = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("arbiter-bench");
        PrintWriter out = spec.commandLine().getOut();
        boolean met = switch (what) {
            case "import" -> importBoth(rows(DEFAULT_ROWS), folder, out);
            case "analyze" -> new AnalysisFloorBenchmark(rows == null ? List.of(DEFAULT_ROWS) : rows, repeats, folder, out,
                    python.equals("none") ? null : AnalystNotebook.find(python, folder, out)).run();
            case "cli" -> new CliStartupBenchmark(repeats, baselineJar, out).run();
            default -> new StartupBenchmark(repeats, rows(1_000_000), folder, baselineJar, out).run();
        };
        out.flush();
        return met ? 0 : 1;
    }
}
