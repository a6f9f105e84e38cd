package dev.arbiter.app.cli;

import dev.arbiter.importers.bench.ImportBenchmark;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code arbiter benchmark import}: the figures in docs/benchmarks.md. */
@Command(name = "benchmark", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure Arbiter against bare DuckDB on generated data (see docs/benchmarks.md).",
                "  arbiter benchmark import [--rows 10000000] [--repeats 3] [--dir DIR]",
                "  arbiter benchmark analyze [--rows 10000000] [--repeats 3] [--dir DIR]"})
final class BenchmarkCommand implements Callable<Integer> {
    @Parameters(paramLabel = "WHAT", description = "What to measure: import or analyze.")
    private String what;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "10000000", description = "Rows to generate (default ${DEFAULT-VALUE}).")
    private long rows;

    @Option(names = "--repeats", paramLabel = "K", defaultValue = "3", description = "Runs of each side (default ${DEFAULT-VALUE}).")
    private int repeats;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where to write the files (default: a temporary folder).")
    private Path dir;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!what.equals("import") && !what.equals("analyze")) {
            throw new IllegalArgumentException("unknown benchmark '" + what + "': use import or analyze");
        }
        Path folder = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("arbiter-bench");
        PrintWriter out = spec.commandLine().getOut();
        boolean met = what.equals("import") ? new ImportBenchmark(rows, repeats, folder, out).run()
                : new dev.arbiter.importers.bench.AnalysisBenchmark(rows, repeats, folder, out).run();
        out.flush();
        return met ? 0 : 1;
    }
}
