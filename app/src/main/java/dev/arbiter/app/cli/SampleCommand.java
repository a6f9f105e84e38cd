package dev.arbiter.app.cli;

import dev.arbiter.app.common.BuildInfo;
import dev.arbiter.importers.ingest.ImportMonitor;
import dev.arbiter.samples.SampleCatalog;
import dev.arbiter.samples.SampleWorkspaces;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code arbiter sample}: list the samples, make a workspace from one, or regenerate them. */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sample experiments with known truth (docs/samples.md).",
                "  arbiter sample                                   lists them",
                "  arbiter sample support-bot --workspace sb.arbiter   makes a workspace, writes support-bot.experiment.json beside it",
                "  arbiter sample --generate DIR [--events N] [--seed S]   regenerates every sample into DIR"})
final class SampleCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "NAME", description = "The sample.")
    private String name;

    @Option(names = "--workspace", paramLabel = "W.arbiter", description = "The workspace to create (must not exist).")
    private Path workspace;

    @Option(names = "--generate", paramLabel = "DIR", description = "Regenerate every sample (or NAME) into DIR/NAME/.")
    private Path generate;

    @Option(names = "--events", paramLabel = "N", defaultValue = "0", description = "Events per sample (default: the committed size).")
    private long events;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: each sample's own, as committed).")
    private Long seed;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (generate != null) {
            for (SampleCatalog.Sample sample : SampleCatalog.all()) {
                if (name == null || name.equals(sample.name())) {
                    if (seed == null) {
                        SampleCatalog.generate(sample.name(), generate.resolve(sample.name()), events);
                    } else {
                        SampleCatalog.generate(sample.name(), generate.resolve(sample.name()), events, seed);
                    }
                    out.println("Wrote " + generate.resolve(sample.name()).toAbsolutePath());
                    out.flush();
                }
            }
            return 0;
        }
        if (name == null) {
            SampleCatalog.all().forEach(s -> out.printf("%-16s %s%n", s.name(), s.title()));
            return 0;
        }
        SampleCatalog.get(name);
        if (workspace == null) {
            throw new IllegalArgumentException("say where to create the workspace: --workspace W.arbiter");
        }
        if (Files.exists(workspace)) {
            throw new IllegalArgumentException(workspace.toAbsolutePath() + " already exists; choose a new file");
        }
        Path experiment = SampleWorkspaces.create(name, workspace, BuildInfo.version(), ImportMonitor.NONE);
        out.println("Created " + workspace.toAbsolutePath() + " with sample " + name + " (dataset "
                + SampleCatalog.DATASET + ")");
        out.println("Experiment: " + experiment);
        out.println("Next: arbiter analyze --workspace " + workspace + " --experiment " + experiment);
        return 0;
    }
}
