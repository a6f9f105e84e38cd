package dev.arbiter.app.cli;

import dev.arbiter.app.report.PaperSize;
import dev.arbiter.app.report.ReportFiles;
import dev.arbiter.app.report.ReportInput;
import dev.arbiter.app.report.ReportSources;
import dev.arbiter.app.report.SigningKey;
import dev.arbiter.importers.signoff.DecisionFile;
import dev.arbiter.importers.signoff.DecisionRecord;
import dev.arbiter.importers.signoff.DecisionStore;
import dev.arbiter.importers.analysis.ExperimentAnalyzer;
import dev.arbiter.importers.experiment.ExperimentDefinition;
import dev.arbiter.importers.workspace.Access;
import dev.arbiter.importers.workspace.Workspace;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code arbiter report}: the decision PDF, optionally signed. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write the decision PDF: setup, data provenance, sample ratio, guardrails, primary result, "
                + "segments, the decision and its sign-offs, deviations from the locked plan, methods.",
                "  arbiter report --workspace w.arbiter --experiment e.json --decision d.json --out decision.pdf",
                "  arbiter report ... --out decision.pdf --sign me.p12 --password",
                "  arbiter report --source jdbc:databricks://HOST:443/default --table main.analytics.events --experiment e.json --decision d.json --out decision.pdf",
                "The definition, the analysis (analyze --json), the decision and the data's provenance are attached to the PDF."})
final class ReportCommand implements Callable<Integer> {
    @Mixin
    private ExperimentArguments arguments;

    @Mixin
    private SourceArguments source;

    @Option(names = "--decision", paramLabel = "D.json",
            description = "The decision file (docs/decision-format.md). Default: the draft saved in the workspace.")
    private Path decision;

    @Option(names = "--out", paramLabel = "DECISION.pdf", required = true, description = "The PDF to write.")
    private Path out;

    @Option(names = "--paper", paramLabel = "a4|letter", defaultValue = "a4", description = "Paper size (default: ${DEFAULT-VALUE}).")
    private String paper;

    @Option(names = "--sign", paramLabel = "KEYSTORE.p12", description = "Sign with the key in this PKCS#12 file (arbiter keygen makes one).")
    private Path keyStore;

    @Option(names = "--alias", paramLabel = "A", description = "The key's alias in the key store (default: its only key).")
    private String alias;

    @Mixin
    private KeyPassword password;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PaperSize size = PaperSize.parse(paper);
        ExperimentDefinition definition = arguments.definition();
        SigningKey key = keyStore == null ? null : SigningKey.load(keyStore, password.get(), alias);
        ReportInput input = source.given() ? fromSource(definition, size) : fromWorkspace(definition, size);
        byte[] pdf = ReportFiles.render(input, key);
        ReportFiles.save(pdf, out);
        spec.commandLine().getOut().println("Wrote " + out.toAbsolutePath() + " (" + input.decision().decision() + ", "
                + (key == null ? "not signed" : "signed by " + SigningKey.commonName(key.certificate())) + ")");
        return 0;
    }

    private ReportInput fromWorkspace(ExperimentDefinition definition, PaperSize size) throws Exception {
        source.check();
        try (Workspace open = Workspace.open(arguments.workspace(), Access.READ)) {
            return ReportSources.gather(open, definition, arguments.source(), decision(open, definition), arguments.asOf(), size);
        }
    }

    /** Events from a warehouse table (issue 20); a workspace, if given, keeps the plan's lock and the saved decision. */
    private ReportInput fromSource(ExperimentDefinition definition, PaperSize size) throws Exception {
        source.check();
        if (!arguments.hasWorkspace()) {
            return fromSource(null, definition, decision(null, definition), size);
        }
        try (Workspace open = Workspace.open(arguments.workspace(), Access.READ)) {
            return fromSource(open, definition, decision(open, definition), size);
        }
    }

    /** The decision is read first: a long remote analysis is not run for a report that cannot be written. */
    private ReportInput fromSource(Workspace open, ExperimentDefinition definition, DecisionRecord record, PaperSize size)
            throws Exception {
        SourceArguments.Analysed analysed = source.analyse(definition, arguments.asOf(), arguments.source(),
                ExperimentAnalyzer.exposureDaysShown(definition));
        return ReportSources.fromSource(open, definition, analysed.result(), analysed.source(), record, size);
    }

    /** --decision, else the draft saved in the workspace ({@code open} may be null: then --decision is needed). */
    private DecisionRecord decision(Workspace open, ExperimentDefinition definition) throws Exception {
        if (decision != null) {
            DecisionRecord record = DecisionFile.read(decision);
            if (record.experiment() != null && !record.experiment().equals(definition.name())) {
                throw new IllegalArgumentException(decision + " is the decision on '" + record.experiment() + "', not on '"
                        + definition.name() + "'");
            }
            return record;
        }
        if (open == null) {
            throw new IllegalArgumentException("give the decision: --decision D.json (or --workspace W.arbiter with a saved one)");
        }
        return new DecisionStore(open).get(definition.name()).orElseThrow(() -> new IllegalArgumentException(
                "no decision saved in " + arguments.workspace() + " for '" + definition.name() + "': give --decision D.json"));
    }
}
