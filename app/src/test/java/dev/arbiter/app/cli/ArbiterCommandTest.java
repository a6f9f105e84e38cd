package dev.arbiter.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArbiterCommandTest {
    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void versionNamesArbiterAndItsRuntime() {
        CliRun run = run("--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("Arbiter 0."), run.out());
        assertTrue(run.out().contains("JavaFX 21.0.12"), run.out());
    }

    @Test
    void helpListsUsageAndExitCodes() {
        CliRun run = run("--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("Usage: arbiter"), run.out());
        assertTrue(run.out().contains("Exit codes"), run.out());
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun run = run("--frobnicate");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Unknown option: '--frobnicate'"), run.err());
    }

}
