package dev.arbiter.importers.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.analytics.ArmValue;
import dev.arbiter.analytics.Comparison;
import dev.arbiter.analytics.Effect;
import dev.arbiter.importers.result.AnalysisJson;
import dev.arbiter.importers.result.ArmSummary;
import dev.arbiter.importers.result.ComparisonResult;
import dev.arbiter.importers.result.DailyPoint;
import dev.arbiter.importers.result.ExperimentResult;
import dev.arbiter.importers.result.SegmentResult;
import dev.arbiter.importers.statistics.JdbcStatisticsSource;
import dev.arbiter.importers.statistics.SliceKey;
import dev.arbiter.importers.statistics.SqlDialect;
import dev.arbiter.importers.statistics.StatisticsSource;
import dev.arbiter.importers.workspace.Workspace;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole pipeline — CSV import, metric SQL, analytics — against an independent computation in R
 * 4.2.2 from the raw events (src/test/resources/r/check-sessions.R, output committed as
 * check-sessions.out): sessions aggregated in R, proportions, means (t.test), ratios (delta method),
 * CUPED on a mean and a ratio with pre-exposure covariates, a cluster-aware p95, a filtered metric,
 * non-inferiority, the SRM χ², crossover exclusion and BH-adjusted segments. Tolerances: point
 * estimates 1e-9, intervals and p-values 1e-6.
 */
class ExperimentRCheckTest {
    private static final double POINT = 1e-9;
    private static final double INTERVAL = 1e-6;

    @TempDir
    static Path dir;
    private static ExperimentResult result;
    private static Map<String, Double> r;

    @BeforeAll
    static void analyse() throws Exception {
        r = parse(Files.readAllLines(resource("r/check-sessions.out")));
        try (Workspace workspace = AnalysisFixtures.workspaceWith(dir, resource("r/sessions.csv"), "sessions")) {
            result = ExperimentAnalyzer.analyze(workspace, AnalysisFixtures.experiment("sessions.json"), null, "sessions.json");
        }
    }

    @Test
    void armsSampleRatioAndCrossoversMatchR() {
        assertEquals(r.get("crossoverUnits"), result.crossoverUnits(), 0);
        assertEquals(r.get("units.sonnet"), result.arms().get(0).units(), 0);
        assertEquals(r.get("units.haiku"), result.arms().get(1).units(), 0);
        assertEquals(r.get("events.sonnet"), result.arms().get(0).events(), 0);
        assertEquals(r.get("events.haiku"), result.arms().get(1).events(), 0);
        assertEquals(r.get("srm.chiSquare"), result.srm().chiSquare(), POINT);
        assertEquals(r.get("srm.pValue"), result.srm().pValue(), INTERVAL);
    }

    @Test
    void everyMetricMatchesR() {
        for (String metric : List.of("resolution_rate", "cost_per_session_usd", "complex_resolution", "refusal_rate",
                "tokens_per_latency_s", "refusal_rate_cuped", "p95_latency_ms")) {
            checkComparison(metric, result.metric(metric).comparison("haiku").comparison());
        }
    }

    @Test
    void cupedMatchesRsTTestOnAdjustedValues() {
        Effect cost = result.metric("cost_per_session_usd").comparison("haiku").comparison().absolute();
        close("cost t.test low", r.get("cost_per_session_usd.ttestLow"), cost.ci().lower(), INTERVAL);
        close("cost t.test high", r.get("cost_per_session_usd.ttestHigh"), cost.ci().upper(), INTERVAL);
        assertTrue(Math.abs(cost.estimate() - r.get("cost_plain.absolute")) > 1e-5, "CUPED changed the estimate");
        // issue 16 #10: each arm shows the CUPED-adjusted value its effect is computed from, beside the plain one
        ArmValue sonnet = result.metric("cost_per_session_usd").arm("sonnet");
        ArmValue haiku = result.metric("cost_per_session_usd").arm("haiku");
        close("adjusted sonnet", r.get("cost_per_session_usd.control"), sonnet.adjustedValue(), POINT);
        close("adjusted haiku", r.get("cost_per_session_usd.treatment"), haiku.adjustedValue(), POINT);
        assertEquals(cost.estimate(), haiku.adjustedValue() - sonnet.adjustedValue(), 1e-12);
        assertTrue(Math.abs(sonnet.value() - sonnet.adjustedValue()) > 1e-6, "the plain value stays beside it");
        assertTrue(Double.isNaN(result.metric("resolution_rate").arm("sonnet").adjustedValue()), "no covariate, no adjusted value");
    }

    @Test
    void quantileIntervalOfAnArmMatchesR() {
        ArmValue control = result.metric("p95_latency_ms").arm("sonnet");
        close("p95 control low", r.get("p95_latency_ms.controlLow"), control.ci().lower(), INTERVAL);
        close("p95 control high", r.get("p95_latency_ms.controlHigh"), control.ci().upper(), INTERVAL);
    }

    @Test
    void nonInferiorityMatchesR() {
        var ni = result.metric("resolution_rate").comparison("haiku").nonInferiority();
        close("NI p", r.get("resolution_rate.nonInferiority.pValue"), ni.pValue(), INTERVAL);
        close("NI bound", r.get("resolution_rate.nonInferiority.bound"), ni.bound(), INTERVAL);
        assertTrue(ni.nonInferior());
    }

    @Test
    void segmentsAndTheirBenjaminiHochbergPValuesMatchR() {
        for (String plan : List.of("free", "pro", "team")) {
            SegmentResult segment = result.segments().stream()
                    .filter(s -> s.column().equals("plan") && plan.equals(s.value())).findFirst().orElseThrow();
            ComparisonResult comparison = segment.metrics().get(0).comparison("haiku");
            checkComparison("segment.plan." + plan, comparison.comparison());
            close(plan + " BH", r.get("segment.plan." + plan + ".pValueAdjusted"), comparison.pValueAdjusted(), INTERVAL);
        }
    }

    @Test
    void dailySeriesEndsAtTheWholeExperiment() {
        DailyPoint last = result.series().get(result.series().size() - 1);
        assertEquals(List.of(result.arms().get(0).units(), result.arms().get(1).units()), last.cumulativeUnits());
        Effect whole = result.metric("resolution_rate").comparison("haiku").comparison().absolute();
        Effect cumulative = last.metrics().get(0).comparison("haiku").comparison().absolute();
        close("cumulative = whole", whole.estimate(), cumulative.estimate(), POINT);
        close("cumulative p = whole p", whole.pValue(), cumulative.pValue(), 1e-12);
        assertEquals(SliceKey.day("sonnet", last.day()).day(), result.lastExposureDay());
    }

    @Test
    void asOfCutsTheEventsAtTheEndOfTheDay() throws Exception {
        DailyPoint second = result.series().get(1);
        try (Workspace workspace = Workspace.open(dir.resolve("sessions.arbiter"))) {
            ExperimentResult early = ExperimentAnalyzer.analyze(workspace, AnalysisFixtures.experiment("sessions.json"),
                    second.day(), "sessions.json");
            assertEquals(second.day(), early.asOf());
            assertEquals(second.cumulativeUnits(), early.arms().stream().map(ArmSummary::units).toList());
            assertEquals(2, early.series().size());
            assertTrue(early.arms().get(0).events() < result.arms().get(0).events());
        }
    }

    /** Re-runs the R script when R is installed, so the committed output cannot drift from it. */
    @Test
    void committedROutputIsWhatTheScriptPrints() throws Exception {
        Assumptions.assumeTrue(rscript(), "Rscript is not installed (apt-get install r-base-core)");
        Process process = new ProcessBuilder("Rscript", "check-sessions.R").directory(resource("r").toFile())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        Map<String, Double> fresh = parse(output.lines().toList());
        assertEquals(r.keySet(), fresh.keySet());
        r.forEach((key, value) -> close(key, value, fresh.get(key), 1e-12));
    }

    private void checkComparison(String key, Comparison comparison) {
        close(key + ".control", r.get(key + ".control"), comparison.control().value(), POINT);
        close(key + ".treatment", r.get(key + ".treatment"), comparison.treatment().value(), POINT);
        close(key + ".absolute", r.get(key + ".absolute"), comparison.absolute().estimate(), POINT);
        close(key + ".absoluteLow", r.get(key + ".absoluteLow"), comparison.absolute().ci().lower(), INTERVAL);
        close(key + ".absoluteHigh", r.get(key + ".absoluteHigh"), comparison.absolute().ci().upper(), INTERVAL);
        close(key + ".pValue", r.get(key + ".pValue"), comparison.absolute().pValue(), INTERVAL);
        if (r.containsKey(key + ".relative")) {
            close(key + ".relative", r.get(key + ".relative"), comparison.relative().estimate(), POINT);
            close(key + ".relativeHigh", r.get(key + ".relativeHigh"), comparison.relative().ci().upper(), INTERVAL);
        }
        close(key + ".relativeLow", r.get(key + ".relativeLow"), comparison.relative().ci().lower(), INTERVAL);
    }

    @Test
    void segmentSignificanceFollowsTheAdjustedPThatIsPrinted() {
        int segmentComparisons = 0;
        for (SegmentResult segment : result.segments()) {
            for (var metric : segment.metrics()) {
                for (ComparisonResult c : metric.comparisons()) {
                    if (c.comparison().absolute().available()) {
                        segmentComparisons++;
                        assertEquals(c.pValueAdjusted() < result.definition().alpha(), c.significant(),
                                segment.value() + " " + metric.name() + ": adjusted p " + c.pValueAdjusted());
                    }
                }
            }
        }
        assertTrue(segmentComparisons > 0);
    }

    /**
     * The seam to other engines (issue 15): the same case analysed through the standard-SQL dialect
     * (plain SUM, one PERCENTILE_CONT per probability, no hash, segments as text) on DuckDB, through
     * the {@link StatisticsSource} interface, must match R as the DuckDB dialect does.
     */
    @Nested
    class ThroughStandardSql {
        private ExperimentResult ansi;

        @BeforeEach
        void analyseWithTheAnsiDialect() throws Exception {
            try (Workspace workspace = Workspace.open(dir.resolve("sessions.arbiter"))) {
                StatisticsSource events = new JdbcStatisticsSource(workspace::newConnection, SqlDialect.ANSI, "standard SQL");
                ansi = ExperimentAnalyzer.analyze(events, AnalysisFixtures.experiment("sessions.json"), null, "sessions.json", 0);
            }
        }

        @Test
        void everyMetricMatchesR() {
            assertEquals(r.get("units.sonnet"), ansi.arms().get(0).units(), 0);
            assertEquals(r.get("crossoverUnits"), ansi.crossoverUnits(), 0);
            for (String metric : List.of("resolution_rate", "cost_per_session_usd", "complex_resolution", "refusal_rate",
                    "tokens_per_latency_s", "refusal_rate_cuped", "p95_latency_ms")) {
                checkComparison(metric, ansi.metric(metric).comparison("haiku").comparison());
            }
        }

        @Test
        void everyNumberIsTheDuckDbDialectsTo1e9() {
            List<String> differences = new ArrayList<>();
            compare("", AnalysisJson.toJson(result), AnalysisJson.toJson(ansi), differences);
            assertEquals(List.of(), differences);
        }

        private void compare(String path, JsonNode duckdb, JsonNode standard, List<String> differences) {
            if (duckdb.isNumber() && standard.isNumber()) {
                double a = duckdb.asDouble();
                double b = standard.asDouble();
                if (Math.abs(a - b) > 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)))) {
                    differences.add(path + ": " + a + " vs " + b);
                }
            } else if (duckdb.isContainerNode() && duckdb.size() == standard.size()) {
                duckdb.fieldNames().forEachRemaining(key -> compare(path + "." + key, duckdb.get(key), standard.path(key), differences));
                for (int i = 0; duckdb.isArray() && i < duckdb.size(); i++) {
                    compare(path + "[" + i + "]", duckdb.get(i), standard.get(i), differences);
                }
            } else if (!duckdb.equals(standard)) {
                differences.add(path + ": " + duckdb + " vs " + standard);
            }
        }
    }

    private static void close(String what, Double expected, double actual, double tolerance) {
        assertTrue(expected != null, "R printed no " + what);
        double scale = Math.abs(expected) < 1e-3 && expected != 0 ? Math.abs(expected) : 1;
        assertEquals(expected, actual, tolerance * scale, what + " (R " + expected + ", Arbiter " + actual + ")");
    }

    private static Map<String, Double> parse(List<String> lines) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String line : lines) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 2) {
                values.put(parts[0], Double.parseDouble(parts[1]));
            }
        }
        return values;
    }

    private static boolean rscript() {
        try {
            return new ProcessBuilder("Rscript", "--version").start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static Path resource(String name) throws Exception {
        return Path.of(ExperimentRCheckTest.class.getResource("/" + name).toURI());
    }
}
