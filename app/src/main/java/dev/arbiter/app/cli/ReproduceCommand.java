package dev.arbiter.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.app.common.BuildInfo;
import dev.arbiter.app.report.ReportAttachments;
import dev.arbiter.app.report.ReportSources;
import dev.arbiter.app.report.Reproduction;
import dev.arbiter.importers.analysis.ExperimentAnalyzer;
import dev.arbiter.importers.experiment.ExperimentDefinition;
import dev.arbiter.importers.experiment.ExperimentFile;
import dev.arbiter.importers.ingest.DatasetCatalog;
import dev.arbiter.importers.result.AnalysisJson;
import dev.arbiter.importers.result.ExperimentResult;
import dev.arbiter.importers.workspace.Access;
import dev.arbiter.importers.workspace.Workspace;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.concurrent.Callable;

/** {@code arbiter reproduce}: recompute a decision PDF's analysis from a workspace and compare every value. */
@Command(name = "reproduce", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Recompute the analysis a decision PDF was made from, with the definition embedded in it, "
                + "on the workspace's data as of the same day, and compare every number.",
                "  arbiter reproduce decision.pdf --workspace w.arbiter",
                "Exits 0 when every value matches (numbers to a relative 1e-9), 1 and the differences otherwise."})
final class ReproduceCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int SHOWN = 20;

    @Parameters(paramLabel = "DECISION.pdf", description = "A PDF written by arbiter report.")
    private Path file;

    @Option(names = "--workspace", paramLabel = "W.arbiter", required = true, description = "The workspace with the data.")
    private Path workspace;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Map<String, String> attached = attachments();
        ExperimentDefinition definition = ExperimentFile.parse(attached.get(ReportAttachments.EXPERIMENT),
                file.getFileName() + " → " + ReportAttachments.EXPERIMENT);
        JsonNode reported = MAPPER.readTree(attached.get(ReportAttachments.ANALYSIS));
        LocalDate asOf = reported.path("asOf").isTextual() ? LocalDate.parse(reported.get("asOf").asText()) : null;
        ExperimentResult result;
        try (Workspace open = Workspace.open(workspace, Access.READ)) {
            // as many days since exposure as the report read (none in PDFs made before they were shown)
            int exposureDays = 0;
            for (JsonNode day : reported.path("byDaysSinceExposure")) {
                exposureDays = Math.max(exposureDays, day.path("daysSinceExposure").asInt());
            }
            result = ExperimentAnalyzer.analyze(open, definition, asOf, ReportAttachments.EXPERIMENT, exposureDays);
        }
        Reproduction.Result comparison = Reproduction.compare(reported, MAPPER.readTree(AnalysisJson.write(result)));
        PrintWriter out = spec.commandLine().getOut();
        provenance(attached.get(ReportAttachments.PROVENANCE), definition.dataset()).forEach(out::println);
        String scope = "'" + definition.name() + "'" + (asOf == null ? "" : " as of " + asOf);
        if (comparison.matches()) {
            reproduced(out, scope, comparison);
            return 0;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("arbiter: " + scope + " does NOT reproduce: " + comparison.differences().size() + " of "
                + comparison.values() + " values differ (numbers compared to a relative " + Reproduction.RELATIVE_TOLERANCE + ").");
        comparison.differences().stream().limit(SHOWN).forEach(difference -> err.println("  " + difference));
        if (comparison.differences().size() > SHOWN) {
            err.println("  ... and " + (comparison.differences().size() - SHOWN) + " more");
        }
        return 1;
    }

    /** Notes on the data's files: the same SHA-256 as in the report, or which differ. */
    private List<String> provenance(String attached, String dataset) throws Exception {
        if (attached == null) {
            return List.of();
        }
        List<String> then = new ArrayList<>();
        MAPPER.readTree(attached).path("imports").forEach(file -> then.add(file.path("file").asText() + " "
                + file.path("sha256").asText()));
        List<String> now;
        try (Workspace open = Workspace.open(workspace, Access.READ)) {
            now = ReportSources.currentImports(new DatasetCatalog(open).history(),
                    dataset).stream().map(record -> record.fileName() + " " + record.sha256()).toList();
        }
        if (then.equals(now)) {
            return List.of("Data: the same " + now.size() + " file(s) as in the report (SHA-256 match).");
        }
        return List.of("Data: the dataset's files differ from the report's.", "  report: " + String.join(", ", then),
                "  now:    " + String.join(", ", now));
    }

    /** Every value matched; sentences worded differently or values added by a newer Arbiter are named, not failed. */
    private static void reproduced(PrintWriter out, String scope, Reproduction.Result comparison) {
        out.println("Reproduced " + scope + ": all " + comparison.values() + " values match (" + comparison.numbers()
                + " numbers, largest relative difference " + String.format(Locale.ROOT, "%.1e",
                comparison.largestRelative()) + ").");
        if (!comparison.wording().isEmpty() || !comparison.added().isEmpty()) {
            List<String> examples = Stream.concat(comparison.wording().stream(), comparison.added().stream()).limit(3).toList();
            out.println("This Arbiter words " + comparison.wording().size() + " sentence(s) differently and adds "
                    + comparison.added().size() + " value(s) the report does not have (e.g. " + String.join(", ", examples)
                    + "): wording and extensions, not results.");
        }
    }

    private Map<String, String> attachments() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            Map<String, String> attached = ReportAttachments.read(document);
            String made = document.getDocumentInformation().getCreator();
            String now = "Arbiter " + BuildInfo.version();
            if (made != null && !made.equals(now)) {
                spec.commandLine().getOut().println("Note: the report was made by " + made + "; reproducing with " + now
                        + ": a difference may come from a change of method between versions (CHANGELOG.md).");
            }
            for (String name : new String[] {ReportAttachments.EXPERIMENT, ReportAttachments.ANALYSIS}) {
                if (!attached.containsKey(name)) {
                    throw new IllegalArgumentException(file + " has no attached " + name + ": was it written by arbiter report?");
                }
            }
            return attached;
        }
    }
}
