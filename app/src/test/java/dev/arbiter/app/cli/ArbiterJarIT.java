package dev.arbiter.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.app.shell.WorkspaceStore;
import dev.arbiter.importers.analysis.ExperimentAnalyzer;
import dev.arbiter.importers.experiment.ExperimentDefinition;
import dev.arbiter.importers.experiment.ExperimentFile;
import dev.arbiter.importers.experiment.ExperimentStore;
import dev.arbiter.importers.result.ExperimentResult;
import dev.arbiter.importers.workspace.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged {@code app/target/arbiter.jar}, run as users run it, with no display. */
class ArbiterJarIT {
    private static final Path JAR = Path.of(System.getProperty("arbiter.jar", "target/arbiter.jar"));

    private record Result(int exitCode, String output) {
    }

    private static Result java(String... args) throws IOException, InterruptedException {
        return finish(start(args));
    }

    private static Process start(String... args) throws IOException {
        return start(List.of(), args);
    }

    private static Process start(List<String> jvmOptions, String... args) throws IOException {
        return builder(jvmOptions, args).redirectErrorStream(true).start();
    }

    /** {@code java OPTIONS -jar arbiter.jar ARGS} without a display. */
    private static ProcessBuilder builder(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        return builder;
    }

    private static Result finish(Process process) throws IOException, InterruptedException {
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "arbiter.jar did not finish");
        return new Result(process.exitValue(), output);
    }

    @Test
    void jarRunsHeadlessWithoutADisplay() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "missing " + JAR.toAbsolutePath());
        Result version = java("--version");
        assertEquals(0, version.exitCode(), version.output());
        assertTrue(version.output().startsWith("Arbiter "), version.output());
        Result help = java("--help");
        assertEquals(0, help.exitCode(), help.output());
        assertTrue(help.output().contains("Usage: arbiter"), help.output());
    }

    /**
     * A command that will open a workspace loads DuckDB's native library while its arguments are
     * parsed; the packaged jar's driver loads it from beside its jar in {@code libs/}, and a driver
     * that still carries it inside (a class path with the stock jar) unpacks it to the temporary
     * folder, which a command failing at once waits for before exiting, so no copy is left behind.
     */
    /**
     * {@code import} as a process reads its first file ahead of picocli's parsing: the digest it logs
     * is the file's (Python's {@code hashlib.sha256} of these bytes), the second import of the same
     * bytes is refused by it, and a file given after a flag (not guessed) imports the same way.
     */
    @Test
    void importReadsItsFirstFileAheadWithTheSameDigest(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("ahead.csv"), "variant,user_id,value\na,u1,1\nb,u2,\"2\"\n");
        String workspace = dir.resolve("w.arbiter").toString();
        Result imported = java("import", csv.toString(), "--workspace", workspace);
        assertEquals(0, imported.exitCode(), imported.output());
        assertTrue(imported.output().contains("ahead.csv -> ahead: 2 rows loaded, 0 rejected"), imported.output());
        Result listed = java("datasets", "--workspace", workspace, "--json");
        // python3: hashlib.sha256(b'variant,user_id,value\na,u1,1\nb,u2,"2"\n').hexdigest()
        assertTrue(listed.output().contains("56a187b8e8dc5bc64f5edef9e25adf5799792a0318ace8273ca49c469dbddc4d"), listed.output());
        Result again = java("import", "--keep-text", csv.toString(), "--workspace", workspace, "--dataset", "other");
        assertEquals(1, again.exitCode(), again.output());
        assertTrue(again.output().contains("already imported"), again.output());
    }

    @Test
    void aCommandFailingAtOnceLeavesNoEngineLibraryBehind(@TempDir Path dir) throws Exception {
        Path temporary = Files.createDirectories(dir.resolve("tmp"));
        Result failed = finish(start(List.of("-Djava.io.tmpdir=" + temporary), "analyze", "--workspace",
                dir.resolve("missing.arbiter").toString(), "--experiment", dir.resolve("missing.json").toString()));
        assertEquals(1, failed.exitCode(), failed.output());
        assertTrue(failed.output().contains("missing"), failed.output());
        try (var left = Files.list(temporary)) {
            assertEquals(List.of(), left.map(path -> path.getFileName().toString()).toList());
        }
    }

    /**
     * Negative control for the test above: starting the window without a display fails with a
     * clear message, so an exit code of 0 there proves the toolkit was never started.
     */
    @Test
    void windowWithoutADisplayFailsWithAClearMessage() throws Exception {
        Result window = java();
        assertEquals(1, window.exitCode(), window.output());
        assertTrue(window.output().contains("needs a display"), window.output());
    }

    /**
     * Issue 19 #6: readers do not lock each other out — two analyses and a listing of one workspace,
     * as three processes started together, all finish with exit 0.
     */
    @Test
    void severalProcessesReadOneWorkspaceAtOnce(@TempDir Path dir) throws Exception {
        Path workspace = dir.resolve("sb.arbiter");
        Result sample = java("sample", "support-bot", "--workspace", workspace.toString());
        assertEquals(0, sample.exitCode(), sample.output());
        String experiment = dir.resolve("support-bot.experiment.json").toString();
        List<Process> readers = List.of(
                start("analyze", "--workspace", workspace.toString(), "--experiment", experiment, "--json"),
                start("analyze", "--workspace", workspace.toString(), "--experiment", experiment),
                start("datasets", "--workspace", workspace.toString()));
        for (Process reader : readers) {
            Result result = finish(reader);
            assertEquals(0, result.exitCode(), result.output());
        }
    }

    /**
     * Issue 19 #6: the app reads a workspace while two {@code arbiter analyze} runs read it, and
     * saves to it meanwhile: the workspace as the app holds it ({@link WorkspaceStore#files}, read
     * only), analysed in this process while the two processes run; then an experiment saved by the
     * app while a third analysis runs — the save waits for the file, the analysis is not refused.
     */
    @Test
    void theAppAndTwoAnalysesReadOneWorkspaceAtOnce(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sb.arbiter");
        assertEquals(0, java("sample", "support-bot", "--workspace", file.toString()).exitCode());
        Path experimentFile = dir.resolve("support-bot.experiment.json");
        String[] analyze = {"analyze", "--workspace", file.toString(), "--experiment", experimentFile.toString(), "--json"};
        try (Workspace app = WorkspaceStore.files("test").open(file)) {
            ExperimentDefinition definition = ExperimentFile.read(experimentFile);
            List<Process> cli = List.of(start(analyze), start(analyze));
            ExperimentResult inApp = ExperimentAnalyzer.analyze(app, definition, null, "the app");
            for (Process process : cli) {
                Result result = finish(process);
                assertEquals(0, result.exitCode(), result.output());
                assertTrue(result.output().contains("\"recommendation\""), result.output());
            }
            assertTrue(inApp.primary().arms().get(0).units() > 0);

            Process reading = start(analyze);
            new ExperimentStore(app).save(ExperimentFile.parse(ExperimentFile.toJson(definition)
                    .replace(definition.name(), "Saved by the app"), "experiment"));
            Result third = finish(reading);
            assertEquals(0, third.exitCode(), third.output());
            assertTrue(new ExperimentStore(app).all().stream().map(ExperimentDefinition::name).toList()
                    .contains("Saved by the app"));
        }
    }

    /**
     * Decision 0017: the build made the class archive beside the jar, and {@code arbiter analyze}
     * runs in a second JVM started with it — its standard output the JSON alone, its exit codes
     * (failure 1, usage 2) passed on — unless {@code ARBITER_CLASS_ARCHIVE=off}.
     */
    @Test
    void engineCommandsRunInASecondJvmWithTheClassArchive(@TempDir Path dir) throws Exception {
        assertTrue(Files.isRegularFile(JAR.resolveSibling("arbiter.jsa")), "the build makes the class archive");
        Path workspace = dir.resolve("sb.arbiter");
        assertEquals(0, java("sample", "support-bot", "--workspace", workspace.toString()).exitCode());
        String[] analyze = {"analyze", "--workspace", workspace.toString(), "--experiment",
            dir.resolve("support-bot.experiment.json").toString(), "--json"};
        String traced = traced(dir, Map.of(), analyze);
        assertTrue(traced.contains("arbiter: launching ") && traced.contains("-XX:SharedArchiveFile="), traced);
        assertTrue(traced(dir, Map.of("ARBITER_CLASS_ARCHIVE", "off"), analyze)
                .contains("running in this JVM: ARBITER_CLASS_ARCHIVE=off"));

        Result missing = java("analyze", "--workspace", dir.resolve("none.arbiter").toString(), "--experiment", analyze[4]);
        assertEquals(1, missing.exitCode(), missing.output());
        assertTrue(missing.output().contains("none.arbiter"), missing.output());
        Result usage = java("analyze", "--no-such-option");
        assertEquals(2, usage.exitCode(), usage.output());
    }

    /** Runs {@code args} with the launch traced; asserts exit 0 and JSON alone on standard output; returns standard error. */
    private static String traced(Path dir, Map<String, String> environment, String... args) throws Exception {
        Path errors = dir.resolve("stderr.txt");
        ProcessBuilder builder = builder(List.of(), args).redirectError(errors.toFile());
        builder.environment().put("ARBITER_LAUNCH_TRACE", "1");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String json = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "arbiter.jar did not finish");
        String stderr = Files.readString(errors);
        assertEquals(0, process.exitValue(), stderr);
        JsonNode analysis = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(json);
        assertTrue(analysis.has("arms") && json.contains("\"recommendation\""), "standard output is the JSON alone: " + json);
        return stderr;
    }

    /** Decision 0017: stopping the first JVM ({@code kill}) stops the second and waits for it. */
    @Test
    void stoppingTheFirstJvmStopsTheSecond(@TempDir Path dir) throws Exception {
        Path workspace = dir.resolve("sb.arbiter");
        assertEquals(0, java("sample", "support-bot", "--workspace", workspace.toString()).exitCode());
        Process first = builder(List.of(), "analyze", "--workspace", workspace.toString(), "--experiment",
                dir.resolve("support-bot.experiment.json").toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Optional<ProcessHandle> second = Optional.empty();
        while (second.isEmpty() && first.isAlive()) {
            second = first.descendants().findFirst();
            Thread.sleep(2);
        }
        assertTrue(second.isPresent(), "a second JVM started");
        first.destroy();
        assertTrue(first.waitFor(30, TimeUnit.SECONDS), "the first JVM stopped");
        assertFalse(second.get().isAlive(), "the second JVM stopped before the first exited");
    }

    @Test
    void runtimeLibrariesSitBesideTheJar() {
        Path libs = JAR.resolveSibling("libs");
        assertTrue(Files.isDirectory(libs), "missing " + libs);
        assertTrue(Files.exists(libs.resolve("picocli-4.7.7.jar")));
        assertTrue(Files.exists(libs.resolve("javafx-controls-21.0.12-linux.jar")));
        assertTrue(Files.isRegularFile(libs.resolve("libduckdb_java.so_linux_amd64")), "DuckDB's library beside its jar");
    }
}
