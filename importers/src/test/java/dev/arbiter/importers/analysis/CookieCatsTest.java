package dev.arbiter.importers.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.importers.workspace.Workspace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published Cookie Cats result (../shared/datasets/cookie_cats/README.md), reproduced from the
 * raw file through import, metric SQL and analytics.
 */
class CookieCatsTest {
    @TempDir
    Path dir;

    @Test
    void reproducesThePublishedRetentionResult() throws Exception {
        try (Workspace workspace = AnalysisFixtures.workspaceWith(dir, AnalysisFixtures.shared("cookie_cats/cookie_cats.csv"),
                "cookie_cats")) {
            ExperimentResult result = ExperimentAnalyzer.analyze(workspace, AnalysisFixtures.experiment("cookie-cats.json"),
                    null, "cookie-cats.json");
            System.out.println(AnalysisJson.write(result));
            assertEquals(44700, result.arms().get(0).units());
            assertEquals(45489, result.arms().get(1).units());
            var retention7 = result.metric("retention_7");
            assertEquals(0.1902, retention7.arm("gate_30").value(), 5e-5);
            assertEquals(0.1820, retention7.arm("gate_40").value(), 5e-5);
        }
    }
}
