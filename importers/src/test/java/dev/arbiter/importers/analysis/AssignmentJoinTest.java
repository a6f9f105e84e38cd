package dev.arbiter.importers.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.importers.experiment.ExperimentException;
import dev.arbiter.importers.experiment.ExperimentFile;
import dev.arbiter.importers.ingest.DatasetImporter;
import dev.arbiter.importers.ingest.ImportMonitor;
import dev.arbiter.importers.ingest.ImportOptions;
import dev.arbiter.importers.result.ArmSummary;
import dev.arbiter.importers.result.ExperimentResult;
import dev.arbiter.importers.workspace.Access;
import dev.arbiter.importers.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: a request log without arms, joined to a separate assignment log (user → arm at time t,
 * as a flag provider exports it). First exposure wins; events before it are pre-period; users never
 * assigned are not in the experiment; assigned users without events are counted in a warning.
 * Expected values are computed here from the generated rows.
 */
class AssignmentJoinTest {
    private static final LocalDateTime START = LocalDateTime.of(2026, 3, 2, 0, 0);

    @TempDir
    Path dir;

    /** One request: who, when, and whether it was resolved. */
    private record Request(String user, LocalDateTime at, int resolved) {
    }

    /** One exposure: who, which arm, when. */
    private record Exposure(String user, String arm, LocalDateTime at) {
    }

    private final List<Request> requests = new ArrayList<>();
    private final List<Exposure> exposures = new ArrayList<>();

    /**
     * 900 users: users 0–799 assigned (treatment resolves more), every 10th of them re-exposed later
     * to the other arm (the first exposure wins), every 25th with no request after exposure; users
     * 800–899 never assigned; every user has requests on the day before exposure (pre-period).
     */
    private void generate() {
        Random random = new Random(1717);
        for (int u = 0; u < 900; u++) {
            String user = "u" + u;
            LocalDateTime exposed = START.plusHours(random.nextInt(72));
            String arm = random.nextBoolean() ? "treatment" : "control";
            if (u < 800) {
                exposures.add(new Exposure(user, arm, exposed));
                if (u % 10 == 0) {
                    exposures.add(new Exposure(user, arm.equals("control") ? "treatment" : "control", exposed.plusHours(5)));
                }
            }
            requests.add(new Request(user, exposed.minusHours(20), random.nextDouble() < 0.9 ? 1 : 0)); // pre-period
            if (u % 25 != 0) {
                int count = 1 + random.nextInt(3);
                double p = arm.equals("treatment") ? 0.7 : 0.6;
                for (int k = 0; k < count; k++) {
                    requests.add(new Request(user, exposed.plusMinutes(1 + random.nextInt(3000)), random.nextDouble() < p ? 1 : 0));
                }
            }
        }
    }

    @Test
    void armsComeFromTheFirstExposureAndOnlyAssignedUsersEventsAfterItCount() throws Exception {
        generate();
        Path workspace = workspace();
        ExperimentResult result = analyze(workspace, "\"timestampColumn\": \"exposed_at\"");
        Map<String, String> firstArm = new LinkedHashMap<>();
        Map<String, LocalDateTime> firstAt = new LinkedHashMap<>();
        for (Exposure e : exposures) {
            if (!firstAt.containsKey(e.user()) || e.at().isBefore(firstAt.get(e.user()))) {
                firstAt.put(e.user(), e.at());
                firstArm.put(e.user(), e.arm());
            }
        }
        Map<String, Integer> resolvedByUser = new LinkedHashMap<>();
        for (Request r : requests) {
            if (firstAt.containsKey(r.user()) && !r.at().isBefore(firstAt.get(r.user()))) {
                resolvedByUser.merge(r.user(), r.resolved(), Math::max);
            }
        }
        for (String arm : List.of("control", "treatment")) {
            List<Integer> values = resolvedByUser.entrySet().stream().filter(e -> firstArm.get(e.getKey()).equals(arm))
                    .map(Map.Entry::getValue).toList();
            assertEquals(values.size(), result.arms().stream().filter(a -> a.name().equals(arm)).findFirst().orElseThrow().units(), arm);
            assertEquals(values.stream().mapToInt(Integer::intValue).average().orElseThrow(),
                    result.primary().arm(arm).value(), 1e-12, arm);
        }
        long assignedWithoutEvents = firstArm.keySet().stream().filter(user -> !resolvedByUser.containsKey(user)).count();
        assertEquals(32, assignedWithoutEvents, "every 25th of users 0–799");
        assertTrue(result.warnings().stream().anyMatch(w -> w.startsWith("32 units in the assignment log have no event")),
                result.warnings().toString());
        assertEquals(0, result.crossoverUnits(), "a later re-exposure does not move a unit: the first exposure wins");
        assertEquals(768, result.arms().stream().mapToLong(ArmSummary::units).sum(), "800 assigned − 32 without events; none of the 100 unassigned");
    }

    @Test
    void withoutExposureTimesAUnitAssignedToTwoArmsIsACrossover() throws Exception {
        generate();
        ExperimentResult result = analyze(workspace(), "");
        Map<String, Set<String>> arms = new LinkedHashMap<>();
        exposures.forEach(e -> arms.computeIfAbsent(e.user(), u -> new HashSet<>()).add(e.arm()));
        Set<String> withRequests = new HashSet<>();
        requests.forEach(r -> withRequests.add(r.user()));
        long twoArms = arms.entrySet().stream().filter(e -> e.getValue().size() == 2 && withRequests.contains(e.getKey())).count();
        assertEquals(80, twoArms, "users 0, 10, …, 790 (each has a request, at least the day before)");
        assertEquals(twoArms, result.crossoverUnits());
    }

    @Test
    void aMissingAssignmentColumnIsNamedByKey() throws Exception {
        generate();
        Path workspace = workspace();
        ExperimentException error = assertThrows(ExperimentException.class, () -> analyze(workspace,
                "\"timestampColumn\": \"exposed_when\""));
        assertTrue(error.getMessage().contains("assignments.timestampColumn"), error.getMessage());
    }

    private Path workspace() throws Exception {
        Path file = dir.resolve("assign.arbiter");
        if (Files.exists(file)) {
            return file;
        }
        List<String> requestLines = new ArrayList<>(List.of("user_id,ts,resolved"));
        requests.forEach(r -> requestLines.add(r.user() + "," + r.at() + "," + r.resolved()));
        List<String> exposureLines = new ArrayList<>(List.of("user_id,arm,exposed_at"));
        exposures.forEach(e -> exposureLines.add(e.user() + "," + e.arm() + "," + e.at()));
        Files.write(dir.resolve("requests.csv"), requestLines);
        Files.write(dir.resolve("exposures.csv"), exposureLines);
        Workspace.create(file, "test").close();
        try (Workspace importing = Workspace.open(file, Access.IMPORT)) {
            DatasetImporter importer = new DatasetImporter(importing);
            importer.importSource(dir.resolve("requests.csv").toString(), ImportOptions.defaults(), ImportMonitor.NONE);
            importer.importSource(dir.resolve("exposures.csv").toString(), ImportOptions.defaults(), ImportMonitor.NONE);
        }
        return file;
    }

    private static ExperimentResult analyze(Path workspace, String exposureTime) throws Exception {
        var definition = ExperimentFile.parse("""
                {"name": "Resolution", "dataset": "requests", "variantColumn": "arm", "control": "control",
                 "treatments": ["treatment"], "unitColumn": "user_id", "timestampColumn": "ts",
                 "assignments": {"dataset": "exposures" %s},
                 "primary": {"name": "resolved", "column": "resolved", "kind": "unit", "aggregate": "max", "mde": 0.05,
                   "covariate": "preExposure"}}""".formatted(exposureTime.isEmpty() ? "" : ", " + exposureTime), "assign.json");
        try (Workspace open = Workspace.open(workspace)) {
            return ExperimentAnalyzer.analyze(open, definition, null, "assign.json");
        }
    }
}
