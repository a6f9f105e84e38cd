package dev.arbiter.app.report;

import dev.arbiter.app.projection.DecisionLabels;
import dev.arbiter.app.projection.Design;
import dev.arbiter.app.projection.ExposureLift;
import dev.arbiter.importers.analysis.ExperimentAnalyzer;
import dev.arbiter.importers.result.ReplayPoint;
import dev.arbiter.analytics.Effect;
import dev.arbiter.analytics.Comparison;
import dev.arbiter.analytics.NonInferiority;
import dev.arbiter.app.projection.Format;
import dev.arbiter.app.common.charts.Charts;
import dev.arbiter.app.common.charts.ForestRow;
import dev.arbiter.app.projection.GuardrailCard;
import dev.arbiter.app.projection.GuardrailCards;
import dev.arbiter.app.projection.PrimarySeries;
import dev.arbiter.app.projection.SegmentTable;
import dev.arbiter.app.common.AboutInfo;
import dev.arbiter.app.common.AboutInfoReader;
import dev.arbiter.importers.result.ArmSummary;
import dev.arbiter.analytics.ArmValue;
import dev.arbiter.importers.result.ComparisonResult;
import dev.arbiter.importers.result.DailyPoint;
import dev.arbiter.importers.result.ExperimentResult;
import dev.arbiter.importers.result.MetricResult;
import dev.arbiter.importers.result.SegmentResult;
import dev.arbiter.importers.signoff.DecisionFile;
import dev.arbiter.importers.signoff.Signoff;
import dev.arbiter.importers.experiment.Assignments;
import dev.arbiter.importers.experiment.Experiment;
import dev.arbiter.importers.experiment.MetricRole;
import dev.arbiter.importers.ingest.DatasetCatalog.ImportRecord;
import dev.arbiter.importers.statistics.SourceRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * The decision document: what was tested and on which data, whether it held, what was decided
 * and who signed it off, with the definition, the full analysis and the decision attached as
 * JSON so it can be re-checked ({@code arbiter reproduce}). Sections follow the analyst's
 * reading order: guardrails, then the primary, then segments.
 */
public final class DecisionReport {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private static final float GUARDRAIL_CHART = 140;
    private static final float PRIMARY_CHART = 160;

    private final ReportInput input;
    private final ExperimentResult result;
    private final Experiment definition;
    private final AboutInfo about = AboutInfoReader.read();
    private PdfCanvas canvas;

    private DecisionReport(ReportInput input) {
        this.input = input;
        this.result = input.result();
        this.definition = input.result().definition();
    }

    /** Writes the report for {@code input} as an unsigned PDF to {@code out}. */
    public static void write(ReportInput input, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument()) {
            new DecisionReport(input).draw(document);
            document.save(out);
        }
    }

    private void draw(PDDocument document) throws IOException {
        describe(document);
        canvas = new PdfCanvas(document, input.paper());
        sections();
        canvas.finish("Arbiter decision record · " + definition.name() + " · " + STAMP.format(input.generatedAt()));
        attach(document);
    }

    private void sections() throws IOException {
        summary();
        setup();
        provenance();
        sampleRatio();
        guardrails();
        primary();
        secondary();
        segments();
        decision();
        deviations();
        appendix();
    }

    private void attach(PDDocument document) throws IOException {
        ReportAttachments.attach(document, List.of(
                new ReportAttachments.Attachment(ReportAttachments.EXPERIMENT, "The experiment definition as analysed",
                        input.experimentJson()),
                new ReportAttachments.Attachment(ReportAttachments.ANALYSIS, "arbiter analyze --json of this analysis",
                        input.analysisJson()),
                new ReportAttachments.Attachment(ReportAttachments.DECISION, "The decision, rationale and sign-offs",
                        DecisionFile.toJson(input.decision())),
                new ReportAttachments.Attachment(ReportAttachments.PROVENANCE, input.source() == null
                        ? "The files behind the dataset, with SHA-256" : "The warehouse table analysed, with its data fingerprint",
                        ReportAttachments.provenanceJson(definition.dataset(), input.imports(), input.source()))),
                input.generatedAt());
    }

    private void describe(PDDocument document) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle("Decision: " + definition.name());
        info.setSubject(definition.question());
        info.setCreator("Arbiter " + about.arbiterVersion());
        info.setProducer("Arbiter with Apache PDFBox");
        info.setKeywords("A/B test, decision record, " + input.decision().decision());
        Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        created.setTimeInMillis(input.generatedAt().toEpochMilli());
        info.setCreationDate(created);
        info.setCustomMetadataValue("ArbiterDecision", input.decision().decision());
        info.setCustomMetadataValue("ArbiterRecommendation", result.decision().kind().label());
    }

    private void summary() throws IOException {
        heading();
        recommendation();
        ComparisonResult primary = result.primary().comparisons().get(0);
        canvas.paragraph("Primary metric " + result.primary().name() + ": " + Labels.sentence(result.primary(), primary), 10,
                false, PdfCanvas.TEXT);
        canvas.paragraph(signoffSummary());
    }

    private void heading() throws IOException {
        canvas.title(definition.name());
        if (definition.question() != null && !definition.question().isBlank()) {
            canvas.paragraph(definition.question(), 12, false, PdfCanvas.MUTED);
        }
        canvas.paragraph("Decision record generated " + STAMP.format(input.generatedAt()) + " by Arbiter "
                + about.arbiterVersion() + " from " + (input.source() == null ? "dataset '" + definition.dataset() + "'"
                : "table " + input.source().table() + " on " + input.source().engine())
                + (result.asOf() == null ? "" : ", events up to " + result.asOf()) + ".", 8.5f, false, PdfCanvas.MUTED);
        canvas.space(4);
    }

    private void recommendation() throws IOException {
        canvas.paragraph("Decision: " + Labels.decision(input.decision().decision()), 15, true, PdfCanvas.ACCENT);
        canvas.paragraph("Arbiter's recommendation: " + Labels.decision(result.decision().kind().label()), 10.5f, true,
                PdfCanvas.TEXT);
        canvas.paragraph(String.join(" ", result.decision().reasons()));
        if (result.decisions().size() > 1) {
            treatmentSummary();
            for (var entry : result.decisions().entrySet()) {
                canvas.paragraph(entry.getKey() + ": " + Labels.decision(entry.getValue().kind().label()) + " — "
                        + String.join(" ", entry.getValue().reasons()));
            }
        }
    }

    /** With several treatments, one row each first: recommendation, primary difference, adjusted p, worst guardrail. */
    private void treatmentSummary() throws IOException {
        List<GuardrailCard> cards = GuardrailCards.of(result);
        List<List<String>> rows = new ArrayList<>();
        for (var entry : result.decisions().entrySet()) {
            ComparisonResult primary = result.primary().comparison(entry.getKey());
            Effect absolute = primary.comparison().absolute();
            rows.add(List.of(entry.getKey(), DecisionLabels.words(entry.getValue().kind().label()),
                    result.primary().unit().effect(absolute),
                    Format.p(Double.isNaN(primary.pValueAdjusted()) ? absolute.pValue() : primary.pValueAdjusted()),
                    worstGuardrail(cards, entry.getKey())));
        }
        canvas.table(new float[] {0.16f, 0.24f, 0.3f, 0.12f, 0.18f},
                List.of("treatment", "recommendation", result.primary().name() + " difference [CI]", "p (adjusted)",
                        "guardrails"), rows);
    }

    /** "breached", "at risk", "ok" — the worst of the treatment's guardrails — or "none". */
    private static String worstGuardrail(List<GuardrailCard> cards, String treatment) {
        List<String> statuses = cards.stream().filter(card -> card.treatment().equals(treatment)).map(GuardrailCard::status)
                .toList();
        for (String status : List.of("breached", "at_risk", "ok")) {
            if (statuses.contains(status)) {
                return status.replace('_', ' ');
            }
        }
        return "none";
    }

    private String signoffSummary() {
        List<Signoff> signoffs = input.decision().signoffs();
        if (signoffs.isEmpty()) {
            return "No sign-offs recorded.";
        }
        long signed = signoffs.stream().filter(Signoff::approve).count();
        return signed + " of " + signoffs.size() + " sign-offs approve: " + signoffs.stream()
                .map(s -> s.name() + " (" + (s.role() == null || s.role().isBlank() ? "" : s.role() + ", ")
                        + (s.approve() ? "approves" : "rejects") + ")")
                .collect(Collectors.joining("; ")) + ".";
    }

    private void setup() throws IOException {
        canvas.heading("Setup", 80);
        canvas.facts(setupFacts());
        armTable();
    }

    private List<String[]> setupFacts() {
        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {"Arms", definition.control() + " (control) vs " + String.join(", ", definition.treatments())});
        if (definition.paired()) {
            facts.add(new String[] {"Design", Design.describe(result) + "; arm from column '" + definition.variantColumn() + "'"});
        } else {
            facts.add(new String[] {"Assignment unit", definition.unitColumn() + " (" + armSource() + ")"});
        }
        facts.add(new String[] {"Planned split", definition.arms().stream()
                .map(arm -> arm + " " + Format.percent(definition.plannedShares().get(definition.arms().indexOf(arm))).substring(1))
                .collect(Collectors.joining(", "))});
        facts.add(new String[] {"Dates", dates()});
        facts.add(new String[] {"Significance", significance()});
        facts.add(new String[] {"Sample", sample()});
        if (!definition.paired()) { // in a paired design every item is in every arm, by design
            facts.add(new String[] {"Crossovers", Format.count(result.crossoverUnits()) + " units seen in more than one arm (excluded)"});
        }
        return facts;
    }

    private String significance() {
        return "α = " + Format.value(definition.alpha()) + (definition.power() == null ? ""
                : ", power " + Format.value(definition.power())) + (definition.sequential()
                ? ", always-valid (sequential) intervals" : ", fixed-horizon intervals");
    }

    private String sample() {
        return result.progress() == null ? "no planned sample size in the definition"
                : "planned " + Format.count(result.progress().plannedPerArm()) + " units per arm; achieved "
                + Format.count(result.progress().smallestArm()) + " in the smallest arm (" + result.progress().describe() + ")";
    }

    private void armTable() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (ArmSummary arm : result.arms()) {
            rows.add(List.of(arm.name(), models(arm.name()), Format.count(arm.units()), Format.count(arm.events()),
                    Format.percent(arm.expectedShare()).substring(1), Format.percent(arm.observedShare()).substring(1)));
        }
        canvas.table(new float[] {0.18f, 0.32f, 0.12f, 0.12f, 0.13f, 0.13f},
                List.of("arm", "models served (units)", "units", "events", "planned share", "observed share"), rows);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** Where the arm comes from: the events' column, or the assignment log's first exposure. */
    private String armSource() {
        Assignments log = definition.file().assignments();
        if (log == null) {
            return "arm from column '" + definition.variantColumn() + "'";
        }
        return "arm from assignment log '" + log.dataset() + "', column '" + log.variantColumnOr(definition.variantColumn()) + "'"
                + (log.timestampColumn() == null ? "" : ", first exposure by '" + log.timestampColumn() + "'; earlier events are pre-period");
    }

    private String dates() {
        List<DailyPoint> series = result.series();
        if (series.isEmpty()) {
            return "no timestamp column";
        }
        return "first exposures from " + series.get(0).day() + " to " + series.get(series.size() - 1).day() + " ("
                + series.size() + (series.size() == 1 ? " day)" : " days)") + (result.asOf() == null ? "" : "; analysed as of " + result.asOf());
    }

    private String models(String arm) {
        String served = result.servedModels().stream().filter(m -> m.arm().equals(arm))
                .map(m -> (m.model() == null ? "(none recorded)" : m.model()) + " (" + Format.count(m.units()) + ")")
                .collect(Collectors.joining(", "));
        return served.isEmpty() ? "–" : served;
    }

    private void provenance() throws IOException {
        canvas.heading("Data provenance", 60);
        if (input.source() != null) {
            sourceProvenance(input.source());
            return;
        }
        if (input.imports().isEmpty()) {
            canvas.paragraph("The workspace has no import record for dataset '" + definition.dataset() + "'.");
            return;
        }
        canvas.table(new float[] {0.22f, 0.36f, 0.1f, 0.09f, 0.09f, 0.14f},
                List.of("file", "SHA-256", "rows loaded", "rejected", "mode", "imported"), importRows());
        canvas.paragraph("Rejected rows are kept in the workspace with their reasons (arbiter datasets --rejects).", 8,
                false, PdfCanvas.MUTED);
    }

    /** A warehouse table (issue 20): where, how many rows, the fingerprints, and what came back. */
    private void sourceProvenance(SourceRecord source) throws IOException {
        canvas.facts(List.of(new String[] {"Engine", source.engine() + " at " + text(source.url())},
                new String[] {"Table", text(source.table()) + " — " + Format.count(source.rows()) + " rows when analysed"},
                new String[] {"Data fingerprint", source.dataFingerprint() == null
                        ? "none (the engine has no row hash Arbiter knows)" : source.dataFingerprint() + " (computed in the engine)"},
                new String[] {"Query fingerprint", source.queryFingerprint()},
                new String[] {"Came back", Format.count(source.resultRows()) + " result rows, " + Format.count(source.bytesReturned())
                        + " bytes of values: aggregates only"}));
        canvas.paragraph("The events stayed in the engine. arbiter reproduce DECISION.pdf --source URL --table TABLE "
                + "recomputes this analysis and says whether the table's rows or fingerprint changed.", 8, false, PdfCanvas.MUTED);
    }

    private List<List<String>> importRows() {
        List<List<String>> rows = new ArrayList<>();
        for (ImportRecord record : input.imports()) {
            rows.add(List.of(text(record.fileName()), text(record.sha256()), Format.count(record.rowsLoaded()),
                    Format.count(record.rowsRejected()), text(record.mode()),
                    record.finishedAt() == null ? "" : STAMP.format(record.finishedAt().toInstant())));
        }
        return rows;
    }

    private void sampleRatio() throws IOException {
        canvas.heading("Sample ratio check", 30);
        canvas.paragraph(!result.srm().checked() ? "No units yet: nothing to check." : "χ² = "
                + Format.value(result.srm().chiSquare()) + " on " + result.srm().df() + " df, "
                + Labels.pIs(result.srm().pValue()) + ": " + (result.srm().flagged()
                ? "SAMPLE RATIO MISMATCH — the split is not what was planned; the results below may be biased."
                : "the observed split is consistent with the plan (flagged below p = 0.001)."), 9.5f, result.srm().flagged(),
                result.srm().flagged() ? PdfCanvas.WARNING : PdfCanvas.TEXT);
        for (String warning : result.warnings()) {
            canvas.paragraph("Note: " + warning, 8.5f, false, PdfCanvas.MUTED);
        }
    }

    private void guardrails() throws IOException {
        List<GuardrailCard> cards = GuardrailCards.of(result);
        canvas.heading("Guardrails", 60);
        if (cards.isEmpty()) {
            canvas.paragraph("The definition has no guardrails.");
            return;
        }
        guardrailTable(cards);
        for (GuardrailCard card : cards) {
            if (card.history().size() >= 2) {
                guardrailChart(card);
            }
        }
    }

    private void guardrailTable(List<GuardrailCard> cards) throws IOException {
        flaggedTable(new float[] {0.2f, 0.12f, 0.2f, 0.24f, 0.1f, 0.14f},
                List.of("guardrail", "treatment", "rule", "observed (interval)", "status", "first breached"), cards,
                card -> List.of(card.metric(), card.treatment(), card.rule(), card.observed(), card.status().replace('_', ' '),
                        card.firstFired() == null ? "–" : card.firstFired().toString()),
                card -> !card.status().equals("ok"));
    }

    private void guardrailChart(GuardrailCard card) throws IOException {
        canvas.keep(GUARDRAIL_CHART + 20);
        canvas.paragraph(card.metric() + " · " + card.treatment() + (card.cumulative() ? " (cumulative)" : " (by day)")
                + ": " + card.explanation(), 8.5f, false, PdfCanvas.MUTED);
        canvas.chart(Charts.timeline(card.ratioRule() ? "ratio to control" : card.metric(),
                Map.of(card.metric(), card.history()), card.threshold(), card.firstFired()), GUARDRAIL_CHART);
    }

    private void primary() throws IOException {
        MetricResult primary = result.primary();
        canvas.heading("Primary metric: " + primary.name(), 120);
        metricTable(List.of(primary));
        for (ComparisonResult comparison : primary.comparisons()) {
            canvas.paragraph(comparison.treatment() + " vs " + comparison.control() + ": " + Labels.sentence(primary, comparison));
            nonInferiority(primary, comparison.nonInferiority());
        }
        if (result.series().size() > 1) {
            primaryChart(primary);
        }
        if (ExposureLift.shown(result)) {
            exposureDays();
        }
        if (!result.byReplay().isEmpty()) {
            replays(primary);
        }
    }

    /** A paired eval set's primary per replay and arm: has a model drifted between replays? */
    private void replays(MetricResult primary) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (ReplayPoint point : result.byReplay()) {
            point.arms().forEach(arm -> rows.add(List.of(point.replay(), arm.name(), Format.count(arm.units()),
                    primary.unit().value(arm.value()) + " " + primary.unit().interval(arm.ci()))));
        }
        canvas.keep(30 + 16 * rows.size());
        canvas.paragraph(primary.name() + " by replay (column '" + definition.file().replayColumn() + "'), each arm over the "
                + "items it answered in that replay:", 8.5f, false, PdfCanvas.MUTED);
        canvas.table(new float[] {0.25f, 0.25f, 0.15f, 0.35f}, List.of("replay", "arm", "items", "value [95% CI]"), rows);
    }

    /** The primary by days since first exposure: does the effect fade (novelty) or grow? */
    private void exposureDays() throws IOException {
        List<ExposureLift.Row> rows = ExposureLift.rows(result);
        canvas.keep(30 + 16 * rows.size());
        canvas.paragraph("By days since each unit's first exposure (units exposed at least that long, valued by that day's "
                + "events; days with fewer than " + ExperimentAnalyzer.MIN_SEGMENT_UNITS + " active units in an arm left out):",
                8.5f, false, PdfCanvas.MUTED);
        canvas.table(new float[] {0.08f, 0.16f, 0.22f, 0.28f, 0.26f},
                List.of("day", "treatment", "units (control / treatment)", "difference [CI]", "relative [CI]"),
                rows.stream().map(r -> List.of(String.valueOf(r.day()), r.treatment(), r.units(), r.difference(), r.relative()))
                        .toList());
    }

    private void nonInferiority(MetricResult metric, NonInferiority ni) throws IOException {
        if (ni != null && ni.unavailableReason() == null) {
            canvas.paragraph("Non-inferiority (margin " + (ni.relative() ? Format.percent(ni.margin()) : metric.unit().size(ni.margin()))
                    + "): " + (ni.nonInferior() ? "shown" : "not shown") + ", " + Labels.pIs(ni.pValue()) + ".");
        }
    }

    private void primaryChart(MetricResult primary) throws IOException {
        canvas.keep(PRIMARY_CHART + 20);
        canvas.paragraph(primary.name() + ": cumulative effect with its " + (definition.sequential() ? "always-valid " : "") + "interval, by day of first exposure:",
                8.5f, false, PdfCanvas.MUTED);
        canvas.chart(Charts.timeline(PrimarySeries.effectAxis(result),
                PrimarySeries.cumulativeEffect(result), 0.0, null), PRIMARY_CHART);
    }

    private void secondary() throws IOException {
        List<MetricResult> others = result.metrics().stream().filter(m -> m.role() == MetricRole.SECONDARY).toList();
        List<MetricResult> shown = new ArrayList<>(others);
        if (result.fallback() != null) {
            shown.add(result.fallback());
        }
        canvas.heading("Secondary metrics", 50);
        if (shown.isEmpty()) {
            canvas.paragraph("None defined.");
            return;
        }
        metricTable(shown);
        canvas.paragraph("Secondary metrics are descriptive: they are not adjusted for multiplicity and do not enter the recommendation.",
                8, false, PdfCanvas.MUTED);
    }

    private void metricTable(List<MetricResult> metrics) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (MetricResult metric : metrics) {
            for (ArmValue arm : metric.arms()) {
                rows.add(metricRow(metric, arm));
            }
        }
        canvas.table(new float[] {0.17f, 0.13f, 0.09f, 0.19f, 0.18f, 0.16f, 0.08f},
                List.of("metric", "arm", "units", "value [CI]", "difference [CI]", "relative [CI]", "p"), rows);
    }

    private static List<String> metricRow(MetricResult metric, ArmValue arm) {
        ComparisonResult comparison = metric.comparison(arm.name());
        String value = metric.unit().value(arm.value()) + " " + metric.unit().interval(arm.ci());
        if (comparison == null) {
            return List.of(metric.name(), arm.name() + " (control)", Format.count(arm.units()), value, "", "", "");
        }
        Comparison c = comparison.comparison();
        return List.of("", arm.name(), Format.count(arm.units()), value, metric.unit().effect(c.absolute()),
                Format.relative(c.relative()), Format.p(c.absolute().pValue()));
    }

    private void segments() throws IOException {
        List<String> columns = result.segments().stream().map(SegmentResult::column).distinct().toList();
        canvas.heading("Segments: " + result.primary().name(), 60);
        if (columns.isEmpty()) {
            canvas.paragraph("No segment columns in the definition.");
            return;
        }
        for (String column : columns) {
            segment(column);
        }
    }

    private void segment(String column) throws IOException {
        SegmentTable table = SegmentTable.of(result, column, result.primary().name());
        float chartHeight = Math.min(60 + 18 * table.forest().size(), 260);
        canvas.keep(Math.min(30 + 24 * table.rows().size() + chartHeight, 600));
        canvas.paragraph("By " + column + " (" + definition.treatments().get(0) + " − " + definition.control()
                + "; p adjusted by Benjamini–Hochberg within the column)", 9.5f, true, PdfCanvas.TEXT);
        flaggedTable(new float[] {0.16f, 0.16f, 0.24f, 0.09f, 0.1f, 0.25f},
                List.of("value", "units per arm", "difference [CI]", "p", "p (BH)", "flags"), table.rows(),
                row -> List.of(row.value(), row.units(), row.absolute(), row.p(), row.adjustedP(), row.flags()),
                row -> !row.flags().isEmpty());
        List<ForestRow> forest = table.forest();
        canvas.chart(Charts.forest(table.forestAxis(result.primary().name()), forest, 0), chartHeight);
    }

    /** A table of {@code items}, one row each, rows for which {@code flagged} holds drawn highlighted. */
    private <T> void flaggedTable(float[] widths, List<String> headers, List<T> items, Function<T, List<String>> row,
            Predicate<T> flagged) throws IOException {
        canvas.table(widths, headers, items.stream().map(row).toList(), items.stream().map(flagged::test).toList());
    }

    private void decision() throws IOException {
        canvas.heading("Decision and sign-off", 80);
        canvas.facts(List.of(new String[] {"Decision", Labels.decision(input.decision().decision())},
                new String[] {"Recommendation", Labels.decision(result.decision().kind().label())},
                new String[] {"Segments", segmentFindings()},
                new String[] {"Rationale", input.decision().rationale() == null || input.decision().rationale().isBlank()
                        ? "(none written)" : input.decision().rationale()}));
        if (input.decision().signoffs().isEmpty()) {
            canvas.paragraph("No sign-offs recorded.");
            return;
        }
        flaggedTable(new float[] {0.2f, 0.18f, 0.12f, 0.14f, 0.36f}, List.of("name", "role", "verdict", "date", "comment"),
                input.decision().signoffs(), signoff -> List.of(text(signoff.name()), text(signoff.role()),
                        signoff.approve() ? "approves" : "rejects", text(signoff.date()), text(signoff.comment())),
                signoff -> !signoff.approve());
    }

    /**
     * The segment values where the primary's effect is significant after Benjamini–Hochberg, with
     * those opposite in sign to the overall effect marked — what a decision for all traffic must
     * not hide.
     */
    private String segmentFindings() {
        String treatment = definition.treatments().get(0);
        double overall = result.primary().comparison(treatment).comparison().absolute().estimate();
        List<String> findings = new ArrayList<>();
        for (SegmentResult segment : result.segments()) {
            segment.metrics().stream().filter(m -> m.name().equals(result.primary().name())).findFirst()
                    .map(metric -> metric.comparison(treatment))
                    .filter(c -> !segment.tooSmall() && c.pValueAdjusted() < definition.alpha())
                    .ifPresent(c -> findings.add(segment.column() + " = " + segment.value() + ": "
                            + result.primary().unit().effect(c.comparison().absolute()) + ", p (BH) " + Format.p(c.pValueAdjusted())
                            + (SegmentTable.oppositeInSign(c.comparison().absolute(), overall)
                            ? ", opposite in sign to the overall effect" : "")));
        }
        return findings.isEmpty() ? "no segment's effect is significant after Benjamini–Hochberg" : String.join("; ", findings);
    }

    private void deviations() throws IOException {
        canvas.heading("Deviations from the locked plan", 30);
        if (input.lock() == null) {
            canvas.paragraph("The plan was not locked before the results were read (no pre-registration).", 9.5f, false,
                    PdfCanvas.WARNING);
            return;
        }
        canvas.paragraph("Plan locked " + STAMP.format(input.lock().lockedAt().toInstant()) + ".");
        if (input.deviations().isEmpty()) {
            canvas.paragraph("No deviations: the definition analysed is the one locked.");
        }
        for (String deviation : input.deviations()) {
            canvas.paragraph("• " + deviation, 9.5f, false, PdfCanvas.WARNING);
        }
    }

    private void appendix() throws IOException {
        canvas.heading("Appendix: methods", 80);
        for (String method : Labels.methods(result)) {
            canvas.paragraph("• " + method, 8.5f, false, PdfCanvas.TEXT);
        }
        software();
    }

    private void software() throws IOException {
        canvas.heading("Appendix: software", 60);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Arbiter", about.arbiterVersion(), ""));
        rows.add(List.of("Java", about.javaVersion(), ""));
        rows.add(List.of("DuckDB engine", AboutInfoReader.engineVersion(), "")); // the engine is loaded: off the UI thread
        canvas.table(new float[] {0.45f, 0.25f, 0.3f}, List.of("component", "version", "licence"), rows);
        // the libraries in one short paragraph (versions kept for reproduction), licences by reference
        canvas.paragraph("Libraries: " + about.libraries().stream().map(library -> library.name() + " " + library.version())
                .collect(Collectors.joining(", ")) + " — open-source; their licences are listed in the app (Help → About).",
                8, false, PdfCanvas.MUTED);
        canvas.paragraph("Attached to this PDF: " + ReportAttachments.EXPERIMENT + " (the definition), " + ReportAttachments.ANALYSIS
                + " (every number above, from arbiter analyze --json), " + ReportAttachments.DECISION + " and " + ReportAttachments.PROVENANCE
                + ". 'arbiter reproduce' recomputes the analysis from the workspace and compares; 'arbiter verify' checks the signature.",
                8.5f, false, PdfCanvas.MUTED);
    }
}
