package dev.arbiter.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.importers.experiment.ExperimentDefinition;
import dev.arbiter.importers.experiment.ExperimentFile;
import dev.arbiter.importers.experiment.PreRegistration;
import dev.arbiter.importers.workspace.Access;
import dev.arbiter.importers.workspace.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code arbiter lock}: pre-registers an experiment's plan, as the app's "Lock the plan" does. */
@Command(name = "lock", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Lock (pre-register) an experiment's plan in the workspace before its results are read: the metrics, "
                + "MDE, alpha, rules and segments as they are in E.json. Later changes to the definition are listed as "
                + "deviations in the decision PDF. A lock is final: locking again is refused.",
                "  arbiter lock --workspace w.arbiter --experiment e.json"})
final class LockCommand implements Callable<Integer> {
    @Option(names = "--workspace", paramLabel = "W.arbiter", required = true, description = "The workspace file.")
    private Path workspace;

    @Option(names = "--experiment", paramLabel = "E.json", required = true, description = "The experiment definition to lock.")
    private Path experiment;

    @Option(names = "--json", description = "Print {\"experiment\": ..., \"lockedAt\": ...} (docs/cli.md).")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ExperimentDefinition definition = ExperimentFile.read(experiment);
        PreRegistration.Lock lock;
        try (Workspace open = Workspace.open(workspace, Access.ANALYSIS)) {
            lock = new PreRegistration(open).lock(definition);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? Json.write(toJson(lock)) : "Locked the plan of '" + definition.name() + "' at " + lock.lockedAt()
                + ": later changes to the definition are deviations in the decision record.");
        return 0;
    }

    private static ObjectNode toJson(PreRegistration.Lock lock) throws IOException {
        ObjectNode root = Json.object();
        root.put("experiment", lock.definition().name());
        root.put("lockedAt", lock.lockedAt().toInstant().toString());
        return root;
    }
}
