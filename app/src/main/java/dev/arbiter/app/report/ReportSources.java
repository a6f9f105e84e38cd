package dev.arbiter.app.report;

import dev.arbiter.importers.result.AnalysisJson;
import dev.arbiter.importers.analysis.ExperimentAnalyzer;
import dev.arbiter.importers.experiment.ExperimentException;
import dev.arbiter.importers.result.ExperimentResult;
import dev.arbiter.importers.signoff.DecisionRecord;
import dev.arbiter.importers.experiment.ExperimentDefinition;
import dev.arbiter.importers.experiment.ExperimentFile;
import dev.arbiter.importers.experiment.PreRegistration;
import dev.arbiter.importers.ingest.DatasetCatalog;
import dev.arbiter.importers.ingest.DatasetCatalog.ImportRecord;
import dev.arbiter.importers.statistics.SourceRecord;
import dev.arbiter.importers.workspace.Workspace;
import dev.arbiter.importers.workspace.WorkspaceException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Gathers what a report needs from an open workspace: the analysis, the data's provenance, the lock. */
public final class ReportSources {
    private ReportSources() {
    }

    /** Analyses {@code definition} as of {@code asOf} (null: all data) and collects the rest of the report's input. */
    public static ReportInput gather(Workspace workspace, ExperimentDefinition definition, String source,
                                     DecisionRecord decision, LocalDate asOf, PaperSize paper)
            throws WorkspaceException, ExperimentException {
        ExperimentResult result = ExperimentAnalyzer.analyze(workspace, definition, asOf, source,
                ExperimentAnalyzer.exposureDaysShown(definition));
        return from(workspace, result, decision, paper);
    }

    /** The report's input for a result already computed (the Decision screen's). */
    public static ReportInput from(Workspace workspace, ExperimentResult result, DecisionRecord decision, PaperSize paper)
            throws WorkspaceException {
        ExperimentDefinition definition = result.definition().file();
        return input(workspace, definition, result, AnalysisJson.write(result),
                currentImports(new DatasetCatalog(workspace).history(), definition.dataset()), null, decision, paper);
    }

    /**
     * The report's input for events read from a warehouse table (issue 20): the source instead of
     * files; {@code workspace} (may be null) holds the plan's lock.
     */
    public static ReportInput fromSource(Workspace workspace, ExperimentDefinition definition, ExperimentResult result,
                                         SourceRecord source, DecisionRecord decision, PaperSize paper)
            throws WorkspaceException {
        return input(workspace, definition, result, AnalysisJson.write(result, source), List.of(), source, decision, paper);
    }

    /** {@code definition} as the analyst wrote it (attached; a warehouse analysis reads it from a view). */
    private static ReportInput input(Workspace workspace, ExperimentDefinition definition, ExperimentResult result,
                                     String analysisJson, List<ImportRecord> imports, SourceRecord source,
                                     DecisionRecord decision, PaperSize paper) throws WorkspaceException {
        PreRegistration.Lock lock = workspace == null ? null : new PreRegistration(workspace).get(definition.name()).orElse(null);
        List<String> deviations = lock == null ? List.of() : PreRegistration.deviations(lock.definition(), definition);
        return new ReportInput(result, ExperimentFile.toJson(definition), analysisJson, decision, imports, source, lock,
                deviations, paper, Instant.now());
    }

    /** The imports that make up the dataset now: the last one that created or replaced it, and the appends after it. */
    public static List<ImportRecord> currentImports(List<ImportRecord> history, String dataset) {
        List<ImportRecord> current = new ArrayList<>();
        for (ImportRecord record : history) {
            if (!record.dataset().equals(dataset)) {
                continue;
            }
            if (!"append".equalsIgnoreCase(record.mode())) {
                current.clear();
            }
            current.add(record);
        }
        return current;
    }
}
