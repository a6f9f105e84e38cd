package dev.arbiter.importers.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.importers.experiment.ExperimentBuilder;
import dev.arbiter.importers.experiment.ExperimentDefinition;
import dev.arbiter.importers.experiment.ExperimentFile;
import dev.arbiter.importers.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.arbiter.importers.experiment.DefinitionChecks;
import dev.arbiter.importers.experiment.ExperimentException;
import dev.arbiter.importers.result.ExperimentResult;

/** A definition that cannot be analysed says which key and why, and nothing runs. */
class DefinitionProblemsTest {
    private static final String GOOD = """
            {"name": "t", "dataset": "events", "variantColumn": "arm", "control": "a", "treatments": ["b"],
             "unitColumn": "user", "timestampColumn": "ts",
             "primary": {"name": "conversion", "column": "converted", "kind": "unit", "aggregate": "max", "mde": 0.01}}""";

    @TempDir
    Path dir;

    @Test
    void unreadableFilesSayWhereAndWhy() {
        assertMessage("e.json: invalid JSON (line 1, column 14): Unexpected character", "{\"name\": \"x\" \"dataset\": 1}");
        assertMessage("e.json: primary.kind (line 1, column 48): must be unit, ratio or quantile, not 'ratioo'",
                "{\"name\": \"x\", \"primary\": {\"name\": \"m\", \"kind\": \"ratioo\"}}");
        assertMessage("e.json: guardrails[0] (line 1, column 45): unknown key 'maxRatoi'",
                "{\"guardrails\": [{\"name\": \"m\", \"maxRatoi\": 2}]}");
        assertMessage("e.json: primary.aggregate (line 1, column 53): must be sum, mean, max, min, count or any, not 'median'",
                "{\"name\": \"x\", \"primary\": {\"name\": \"m\", \"aggregate\": \"median\"}}");
    }

    @Test
    void definitionProblemsNameTheirKeys() {
        ExperimentDefinition bad = parse("""
                {"name": "t", "dataset": "events", "variantColumn": "arm", "control": "a", "treatments": ["b", "a"],
                 "unitColumn": "user", "split": {"a": 0.5, "b": 0.6}, "alpha": 0.7,
                 "primary": {"name": "conversion", "column": "converted", "kind": "unit"},
                 "guardrails": [{"name": "p95", "column": "latency", "kind": "quantile"},
                                {"name": "conversion", "column": "x", "kind": "ratio", "aggregate": "sum", "maxRatio": 2}],
                 "secondary": [{"name": "pre", "column": "x", "kind": "unit", "covariate": "preExposure"}]}""");
        List<String> problems = DefinitionChecks.ofDefinition(bad);
        assertEquals(List.of(
                "treatments: arm 'a' is listed twice",
                "alpha: must be between 0 and 0.5, got 0.7",
                "split: the shares must sum to 1, they sum to 1.1",
                "primary.mde: the primary metric needs a positive minimum detectable effect",
                "guardrails[0].quantile: a quantile metric needs a probability strictly between 0 and 1, e.g. 0.95",
                "guardrails[0]: a guardrail needs a rule: maxRatio, minRatio, maxValue or minValue",
                "guardrails[1].aggregate: only unit metrics take an aggregate",
                "secondary[0].covariate: a pre-exposure covariate needs the timestampColumn",
                "metrics: the name 'conversion' is used twice"), problems);
    }

    /**
     * Issue 19 #7: a probability of 0 or 1 is refused saying "strictly", with what was given; a
     * bookkeeping table is not a dataset. Problems reach a listener by key (ExperimentBuilder).
     */
    @Test
    void edgeProbabilitiesAndBookkeepingTablesAreRefusedByKey() {
        ExperimentDefinition bad = parse(GOOD.replace("\"dataset\": \"events\"", "\"dataset\": \"arbiter_imports\"")
                .replace("\"mde\": 0.01}}", "\"mde\": 0.01}, \"secondary\": [{\"name\": \"p100\", "
                        + "\"column\": \"converted\", \"kind\": \"quantile\", \"quantile\": 1}]}"));
        Map<String, String> byKey = new LinkedHashMap<>();
        assertNull(ExperimentBuilder.build(bad, byKey::put));
        assertEquals(Map.of(
                "dataset", "'arbiter_imports' is one of Arbiter's own tables (names starting with 'arbiter_'), not a dataset of events",
                "secondary[0].quantile", "a quantile metric needs a probability strictly between 0 and 1, e.g. 0.95, got 1.0"),
                byKey);
    }

    /** Issue 19 #5: a segment column with more values than can be read (an id) is refused before any query runs. */
    @Test
    void aSegmentWithTooManyValuesIsRefused() throws Exception {
        StringBuilder csv = new StringBuilder("user,arm,ts,converted,country\n");
        for (int i = 0; i < 150; i++) {
            csv.append("u").append(i).append(i % 2 == 0 ? ",a," : ",b,").append("2026-03-01 10:00:00,").append(i % 3 == 0 ? 1 : 0)
                    .append(i % 2 == 0 ? ",de\n" : ",fr\n");
        }
        Path file = dir.resolve("many.csv");
        Files.writeString(file, csv);
        try (Workspace workspace = AnalysisFixtures.workspaceWith(dir, file, "events")) {
            ExperimentException error = assertThrows(ExperimentException.class, () -> ExperimentAnalyzer.analyze(workspace,
                    parse(GOOD.replace("\"mde\": 0.01}}", "\"mde\": 0.01}, \"segments\": [\"country\", \"user\"]}")), null,
                    "e.json"));
            assertEquals(List.of("segments[1]: column 'user' has more than 100 distinct values; a segment is read value "
                    + "by value, so choose a column with fewer values (plan, region, model), or group its values into a "
                    + "new column first"), error.problems());
        }
    }

    @Test
    void columnsAndArmsAreCheckedAgainstTheData() throws Exception {
        Path csv = dir.resolve("events.csv");
        Files.writeString(csv, "user,arm,ts,converted,country\nu1,a,2026-03-01 10:00:00,1,de\nu2,b,2026-03-01 11:00:00,0,fr\n");
        try (Workspace workspace = AnalysisFixtures.workspaceWith(dir, csv, "events")) {
            ExperimentException missing = assertThrows(ExperimentException.class, () -> ExperimentAnalyzer.analyze(workspace,
                    parse(GOOD.replace("\"converted\"", "\"Converted\"").replace("\"ts\"", "\"country\"")), null, "e.json"));
            assertEquals(List.of("timestampColumn: column 'country' is VARCHAR, not a date or timestamp",
                    "primary.column: dataset 'events' has no column 'Converted' (did you mean 'converted'?)"), missing.problems());
            ExperimentException arms = assertThrows(ExperimentException.class, () -> ExperimentAnalyzer.analyze(workspace,
                    parse(GOOD.replace("\"control\": \"a\"", "\"control\": \"A\"")), null, "e.json"));
            assertEquals(List.of("control: 'A' does not occur in column 'arm' (values: a, b)"), arms.problems());
            assertTrue(arms.getMessage().startsWith("e.json: control: 'A'"), arms.getMessage());
            ExperimentException text = assertThrows(ExperimentException.class, () -> ExperimentAnalyzer.analyze(workspace,
                    parse(GOOD.replace("\"converted\"", "\"country\"")), null, "e.json"));
            assertEquals(List.of("primary.column: column 'country' is VARCHAR; a metric needs numbers or true/false"),
                    text.problems());
        }
    }

    @Test
    void namesThatLookLikeSqlAreQuotedAndValuesBound() throws Exception {
        Path csv = dir.resolve("odd.csv");
        Files.writeString(csv, "\"user\"\"; DROP TABLE x; --\",\"group\",\"v\"\"al\"\nu1,\"a'); --\",1\nu2,b,0\nu3,\"a'); --\",1\nu4,b,1\n");
        try (Workspace workspace = AnalysisFixtures.workspaceWith(dir, csv, "odd")) {
            ExperimentDefinition definition = parse("""
                    {"name": "odd", "dataset": "odd", "variantColumn": "group", "control": "a'); --", "treatments": ["b"],
                     "unitColumn": "user\\"; DROP TABLE x; --",
                     "primary": {"name": "v", "column": "v\\"al", "kind": "unit", "aggregate": "max", "mde": 0.1,
                                 "where": {"column": "group", "in": ["a'); --", "b"]}}}""");
            ExperimentResult result = ExperimentAnalyzer.analyze(workspace, definition, null, "odd.json");
            assertEquals(1.0, result.primary().arm("a'); --").value());
            assertEquals(0.5, result.primary().arm("b").value());
        }
    }

    private static void assertMessage(String expected, String json) {
        IOException error = assertThrows(IOException.class, () -> ExperimentFile.parse(json, "e.json"));
        assertTrue(error.getMessage().startsWith(expected), error.getMessage());
    }

    private static ExperimentDefinition parse(String json) {
        try {
            return ExperimentFile.parse(json, "e.json");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
