package dev.arbiter.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmarks' whole processes: alternated sides, each run measured, a failing run refused. */
class WholeProcessTest {
    private static final List<String> QUICK = List.of("sh", "-c", "exit 0");
    private static final List<String> SLOWER = List.of("sh", "-c", "sleep 0.3");

    @Test
    void sidesAlternateWhichGoesFirstAndEachRunIsTimed() throws Exception {
        List<Boolean> order = new ArrayList<>();
        List<Integer> pairs = new ArrayList<>();
        WholeProcess.Alternated runs = WholeProcess.alternate(SLOWER, QUICK, 3, order::add, (run, first, second) -> pairs.add(run));
        assertEquals(List.of(true, false, false, true, true, false), order, "first, second; second, first; first, second");
        assertEquals(List.of(1, 2, 3), pairs);
        for (int i = 0; i < 3; i++) {
            assertTrue(runs.first()[i] >= 0.3, "the slower side slept 0.3 s: " + runs.first()[i]);
            assertTrue(runs.second()[i] < runs.first()[i], "the quick side took less: " + runs.second()[i]);
        }
        assertTrue(runs.ratio() > 1);
    }

    @Test
    void aSideThatFailsStopsTheBenchmark() {
        IOException failed = assertThrows(IOException.class,
                () -> WholeProcess.alternate(QUICK, List.of("sh", "-c", "exit 3"), 2, side -> { }, (run, a, b) -> { }));
        assertTrue(failed.getMessage().endsWith("exited 3"), failed.getMessage());
    }
}
