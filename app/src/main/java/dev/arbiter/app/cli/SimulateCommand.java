package dev.arbiter.app.cli;

import dev.arbiter.analytics.simulation.Simulation;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code arbiter simulate}: the validation run of docs/validation.md. */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulate A/A and A/B experiments for every metric kind and print the false-positive "
                + "rate and 95%% interval coverage. Exits 1 if a kind misses its target."})
final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--runs", paramLabel = "N", defaultValue = "10000",
            description = "A/A and A/B experiments per kind (default ${DEFAULT-VALUE}).")
    private int runs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    private long seed;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%-58s %7s %9s  %-44s %s%n", "metric kind", "A/A FPR", "coverage",
                "target for " + runs + " runs", "result");
        long start = System.nanoTime();
        List<Simulation.Outcome> outcomes = Simulation.run(runs, seed);
        boolean allMet = true;
        for (Simulation.Outcome o : outcomes) {
            boolean contrast = o.kind().target() == Simulation.Target.NONE;
            allMet &= contrast || o.meetsTarget();
            out.printf(Locale.ROOT, "%-58s %6.2f%% %8.2f%%  %-44s %s%n", o.kind().label(), 100 * o.falsePositiveRate(),
                    100 * o.coverage(), o.bands(),
                    contrast ? "anti-conservative, as expected" : o.meetsTarget() ? "ok" : "MISSED");
        }
        out.printf(Locale.ROOT, "%d A/A and %d A/B experiments per kind, seed %d, %.1f s%n", runs, runs, seed,
                (System.nanoTime() - start) / 1e9);
        out.flush();
        return allMet ? 0 : 1;
    }
}
