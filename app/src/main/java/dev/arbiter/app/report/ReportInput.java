package dev.arbiter.app.report;

import dev.arbiter.importers.result.ExperimentResult;
import dev.arbiter.importers.signoff.DecisionRecord;
import dev.arbiter.importers.experiment.PreRegistration;
import dev.arbiter.importers.ingest.DatasetCatalog.ImportRecord;
import dev.arbiter.importers.statistics.SourceRecord;
import java.time.Instant;
import java.util.List;

/**
 * Everything the decision PDF prints and embeds.
 *
 * @param result         the analysis
 * @param experimentJson the experiment definition as analysed (embedded)
 * @param analysisJson   {@code arbiter analyze --json} of the same analysis (embedded)
 * @param decision       the analyst's decision, rationale and sign-offs (embedded)
 * @param imports        the imports that built the experiment's dataset: files, SHA-256, rows
 * @param source         where the events were read when they were in another engine (issue 20), else null
 * @param lock           the pre-registered plan, or null when it was never locked
 * @param deviations     edits after the lock, by key
 * @param paper          A4 or Letter
 * @param generatedAt    when the report was made
 */
public record ReportInput(ExperimentResult result, String experimentJson, String analysisJson, DecisionRecord decision,
                          List<ImportRecord> imports, SourceRecord source, PreRegistration.Lock lock, List<String> deviations, PaperSize paper,
                          Instant generatedAt) {
    public ReportInput {
        imports = List.copyOf(imports);
        deviations = List.copyOf(deviations);
    }
}
