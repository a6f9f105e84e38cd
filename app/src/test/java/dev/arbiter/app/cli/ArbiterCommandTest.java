package dev.arbiter.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
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

    /** The fast path of {@code arbiter --version} (no command line built) prints what picocli's does. */
    @Test
    void theFastVersionIsPicocliVersion() {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = ArbiterCommand.run("--version");
        } finally {
            System.setOut(original);
        }
        assertEquals(0, code);
        assertEquals(run("--version").out().replace("\r\n", "\n"), printed.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
    }

    /** A command's line holds that command only (its model is what start-up costs); help and unknown words get all. */
    @Test
    void aCommandLineIsBuiltForTheCommandAsked() {
        assertEquals(Set.of("analyze"), ArbiterCommand.commandLine("analyze").getSubcommands().keySet());
        assertEquals(15, ArbiterCommand.commandLine("--help").getSubcommands().size());
        assertEquals(15, ArbiterCommand.commandLine("anlyze").getSubcommands().size(), "picocli can then suggest 'analyze'");
    }

    @Test
    void helpListsUsageAndExitCodes() {
        CliRun run = run("--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("Usage: arbiter"), run.out());
        assertTrue(run.out().contains("Exit codes"), run.out());
    }

    /**
     * Issue 21 #11: every command's help reads as whole sentences — no description line stops at a
     * comma, no example is wrapped, and picocli formats every text (an unescaped "%" made it warn).
     */
    @Test
    void everyHelpIsWholeSentencesAndFormatsCleanly() {
        PrintStream original = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            ArbiterCommand.commandLine().getSubcommands().forEach((name, command) -> {
                for (String element : command.getCommandSpec().usageMessage().description()) {
                    String paragraph = element.replace("%n", "").stripTrailing();
                    // a paragraph is a sentence (or more), an example (indented) or a format (Input:/Output:)
                    assertTrue(paragraph.startsWith(" ") || paragraph.matches("(?s).*[.):]\\s*(\\(.*\\))?$")
                            || paragraph.startsWith("Input:") || paragraph.startsWith("Output:"),
                            name + " --help stops mid-sentence: " + paragraph);
                }
                for (String line : command.getUsageMessage().split("\\R")) {
                    assertTrue(line.length() <= ArbiterCommand.USAGE_WIDTH, name + " --help: " + line);
                }
            });
        } finally {
            System.setErr(original);
        }
        assertEquals("", warnings.toString(StandardCharsets.UTF_8));
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun run = run("--frobnicate");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Unknown option: '--frobnicate'"), run.err());
    }

}
