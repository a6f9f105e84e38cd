package dev.arbiter.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import dev.arbiter.importers.statistics.SourceRecord;
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
                "  arbiter reproduce decision.pdf --source jdbc:databricks://HOST:443/default --table main.analytics.events",
                "Exits 0 when every value matches (numbers to a relative 1e-9), 1 and the differences otherwise."})
final class ReproduceCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int SHOWN = 20;

    @Parameters(paramLabel = "DECISION.pdf", description = "A PDF written by arbiter report.")
    private Path file;

    @Option(names = "--workspace", paramLabel = "W.arbiter", description = "The workspace with the data.")
    private Path workspace;

    @picocli.CommandLine.Mixin
    private SourceArguments source;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Map<String, String> attached = attachments();
        ExperimentDefinition definition = ExperimentFile.parse(attached.get(ReportAttachments.EXPERIMENT),
                file.getFileName() + " → " + ReportAttachments.EXPERIMENT);
        JsonNode reported = MAPPER.readTree(attached.get(ReportAttachments.ANALYSIS));
        LocalDate asOf = reported.path("asOf").isTextual() ? LocalDate.parse(reported.get("asOf").asText()) : null;
        checkWhereFrom();
        PrintWriter out = spec.commandLine().getOut();
        SourceRecord then = AnalysisJson.source(reported); // where the report read its events, if in an engine
        ((ObjectNode) reported).remove("source");
        int exposureDays = exposureDays(reported, definition);
        Reproduction.Result comparison = source.given()
                ? onSource(definition, (ObjectNode) reported, then, asOf, exposureDays, out)
                : inWorkspace(definition, (ObjectNode) reported, then != null, asOf, exposureDays, attached, out);
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

    /**
     * As many days since exposure as the report asked for: none in PDFs made before they were shown,
     * else what {@code report} asks (the data may hold fewer days than asked; asking the same keeps
     * the queries, and so their fingerprint, the report's).
     */
    private static int exposureDays(JsonNode reported, ExperimentDefinition definition) {
        if (reported.path("byDaysSinceExposure").isEmpty()) {
            return 0;
        }
        int days = ExperimentAnalyzer.exposureDaysShown(definition);
        for (JsonNode day : reported.path("byDaysSinceExposure")) {
            days = Math.max(days, day.path("daysSinceExposure").asInt());
        }
        return days;
    }

    /** Recomputed on the warehouse table; says whether the table and the queries are the report's. */
    private Reproduction.Result onSource(ExperimentDefinition definition, ObjectNode reported, SourceRecord then,
                                         LocalDate asOf, int exposureDays, PrintWriter out) throws Exception {
        SourceArguments.Analysed analysed = source.analyse(definition, asOf, ReportAttachments.EXPERIMENT, exposureDays);
        ObjectNode now = (ObjectNode) MAPPER.readTree(AnalysisJson.write(analysed.result(), analysed.source()));
        now.remove("source");
        now.set("dataset", reported.get("dataset")); // a name, not a result: the table may have moved
        SourceProvenance.compare(then, analysed.source()).forEach(out::println);
        return Reproduction.compare(reported, now);
    }

    /** Recomputed in the workspace; says whether its files are the report's. */
    private Reproduction.Result inWorkspace(ExperimentDefinition definition, ObjectNode reported, boolean reportReadATable,
                                            LocalDate asOf, int exposureDays, Map<String, String> attached,
                                            PrintWriter out) throws Exception {
        ExperimentResult result;
        try (Workspace open = Workspace.open(workspace, Access.READ)) {
            result = ExperimentAnalyzer.analyze(open, definition, asOf, ReportAttachments.EXPERIMENT, exposureDays);
        }
        ObjectNode now = (ObjectNode) MAPPER.readTree(AnalysisJson.write(result));
        if (reportReadATable) {
            now.set("dataset", reported.get("dataset"));
        }
        provenance(attached.get(ReportAttachments.PROVENANCE), definition.dataset()).forEach(out::println);
        return Reproduction.compare(reported, now);
    }

    /** A workspace, or a source with its table: one or the other. */
    private void checkWhereFrom() {
        source.check();
        if (source.given() == (workspace != null)) {
            throw new IllegalArgumentException(source.given() ? "give either --workspace or --source, not both"
                    : "give the data: --workspace W.arbiter, or --source JDBC_URL --table TABLE");
        }
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
