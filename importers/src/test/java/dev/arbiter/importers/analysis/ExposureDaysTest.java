package dev.arbiter.importers.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.importers.experiment.ExperimentFile;
import dev.arbiter.importers.result.AnalysisJson;
import dev.arbiter.importers.result.ExperimentResult;
import dev.arbiter.importers.result.ExposureDayPoint;
import dev.arbiter.importers.result.MetricResult;
import dev.arbiter.importers.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Metrics by days since first exposure against a direct computation from the raw events: for day
 * k, every user exposed at least k days before the last day, valued by its events k days after its
 * first one (0 without any); ratio metrics as sums over that day's events; crossover users out.
 */
class ExposureDaysTest {
    private static final String EXPERIMENT = """
            {"name": "novelty", "dataset": "events", "variantColumn": "arm", "control": "a", "treatments": ["b"],
             "unitColumn": "user", "timestampColumn": "ts",
             "primary": {"name": "clicks", "column": "clicks", "kind": "unit", "aggregate": "sum", "mde": 0.1,
                         "covariate": {"preExposure": true}},
             "guardrails": [{"name": "ok_rate", "column": "ok", "kind": "ratio", "minValue": 0.1},
                            {"name": "p90_latency", "column": "latency", "kind": "quantile", "quantile": 0.9, "maxRatio": 2}]}""";

    @TempDir
    Path dir;

    record Event(String user, String arm, LocalDate day, double clicks, double ok) {
    }

    @Test
    void everyDayMatchesTheDirectComputation() throws Exception {
        Random random = new Random(7);
        List<Event> events = new ArrayList<>();
        StringBuilder csv = new StringBuilder("user,arm,ts,clicks,ok,latency\n");
        for (int u = 0; u < 400; u++) {
            String arm = u % 2 == 0 ? "a" : "b";
            LocalDate first = LocalDate.of(2026, 3, 1).plusDays(random.nextInt(6));
            int visits = 1 + random.nextInt(6);
            for (int v = 0; v < visits; v++) {
                LocalDate day = first.plusDays(v == 0 ? 0 : random.nextInt(8));
                String eventArm = u == 17 && v == 1 ? "b" : arm;   // user 17 crosses over
                double clicks = random.nextInt(arm.equals("b") && day.equals(first) ? 6 : 4);
                double ok = random.nextInt(3) > 0 ? 1 : 0;
                events.add(new Event("u" + u, eventArm, day, clicks, ok));
                csv.append("u").append(u).append(',').append(eventArm).append(',').append(day).append(" 12:0").append(v)
                        .append(":00,").append((int) clicks).append(',').append((int) ok).append(',').append(100 + random.nextInt(50))
                        .append('\n');
            }
        }
        Path file = Files.writeString(dir.resolve("events.csv"), csv);
        ExperimentResult result;
        try (Workspace workspace = AnalysisFixtures.workspaceWith(dir, file, "events")) {
            result = ExperimentAnalyzer.analyze(workspace, ExperimentFile.parse(EXPERIMENT, "novelty.json"), null, "novelty.json", 9);
        }
        Map<String, String> armOf = new HashMap<>();
        Map<String, LocalDate> firstOf = new HashMap<>();
        Map<String, Boolean> crossed = new HashMap<>();
        LocalDate last = LocalDate.MIN;
        for (Event e : events) {
            crossed.merge(e.user(), false, (was, now) -> was || !armOf.get(e.user()).equals(e.arm()));
            armOf.putIfAbsent(e.user(), e.arm());
            if (!armOf.get(e.user()).equals(e.arm())) {
                crossed.put(e.user(), true);
            }
            firstOf.merge(e.user(), e.day(), (a, b) -> a.isBefore(b) ? a : b);
            last = e.day().isAfter(last) ? e.day() : last;
        }
        assertEquals(8, result.byDaysSinceExposure().size(), "days 0..7: no user returns later");
        for (ExposureDayPoint point : result.byDaysSinceExposure()) {
            int k = point.day();
            for (int a = 0; a < 2; a++) {
                String arm = a == 0 ? "a" : "b";
                long eligible = 0;
                double clicks = 0;
                double ok = 0;
                double count = 0;
                Set<String> active = new HashSet<>();
                for (String user : armOf.keySet()) {
                    if (!crossed.get(user) && armOf.get(user).equals(arm) && !firstOf.get(user).plusDays(k).isAfter(last)) {
                        eligible++;
                    }
                }
                for (Event e : events) {
                    if (!crossed.get(e.user()) && e.arm().equals(arm) && e.day().equals(firstOf.get(e.user()).plusDays(k))) {
                        clicks += e.clicks();
                        ok += e.ok();
                        count++;
                        active.add(e.user());
                    }
                }
                String where = "day " + k + " arm " + arm;
                assertEquals(eligible, point.eligibleUnits().get(a), where + " eligible");
                assertEquals(active.size(), point.activeUnits().get(a), where + " active");
                MetricResult clicksResult = point.metrics().stream().filter(m -> m.name().equals("clicks")).findFirst().orElseThrow();
                assertEquals(clicks / eligible, clicksResult.arm(arm).value(), 1e-12, where + " clicks per user");
                assertEquals(eligible, clicksResult.arm(arm).units(), where);
                MetricResult okResult = point.metrics().stream().filter(m -> m.name().equals("ok_rate")).findFirst().orElseThrow();
                assertEquals(ok / count, okResult.arm(arm).value(), 1e-12, where + " ok rate");
            }
            assertTrue(point.metrics().stream().noneMatch(m -> m.name().equals("p90_latency")), "quantiles are not additive");
        }
        JsonNode json = new ObjectMapper().readTree(AnalysisJson.write(result));
        JsonNode day0 = json.get("byDaysSinceExposure").get(0);
        assertEquals(0, day0.get("daysSinceExposure").asInt());
        assertTrue(day0.has("eligibleUnits") && day0.has("activeUnits") && day0.get("metrics").size() == 2);
        assertTrue(day0.get("metrics").get(0).get("comparisons").get(0).get("significant").asBoolean(),
                "treatment clicks more on day 0 (novelty)");
    }
}
