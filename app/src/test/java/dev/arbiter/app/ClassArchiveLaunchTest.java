package dev.arbiter.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When an engine command runs in a second JVM with the class archive, and with what command line. */
class ClassArchiveLaunchTest {
    private static final String[] ANALYZE = {"analyze", "--workspace", "w.arbiter", "--experiment", "e.json", "--json"};

    @TempDir
    Path dir;
    private Path jar;
    private Path javaHome;

    @BeforeEach
    void jarWithItsArchive() throws IOException {
        jar = Files.writeString(dir.resolve("arbiter.jar"), "a jar");
        javaHome = Files.createDirectories(dir.resolve("jdk"));
        Files.writeString(dir.resolve(ClassArchiveLaunch.ARCHIVE), "an archive");
        stamp("17.0.15+6");
    }

    private void stamp(String javaVersion) throws IOException {
        try (OutputStream out = Files.newOutputStream(dir.resolve(ClassArchiveLaunch.STAMP))) {
            ClassArchiveLaunch.stampOf(jar, javaHome, javaVersion).store(out, null);
        }
    }

    private ClassArchiveLaunch.Invocation started(List<String> jvmOptions, String... args) {
        return startedWith(Map.of(), jvmOptions, args);
    }

    private ClassArchiveLaunch.Invocation startedWith(Map<String, String> environment, List<String> jvmOptions, String... args) {
        List<String> line = new ArrayList<>(jvmOptions);
        line.addAll(List.of("-jar", jar.toString()));
        line.addAll(List.of(args));
        return new ClassArchiveLaunch.Invocation(Optional.of(line), jar, environment, javaHome, "17.0.15+6", false);
    }

    @Test
    void anAnalysisRunsWithTheArchiveTheClientCompilerAndItsProperties() {
        ClassArchiveLaunch.Decision decision = ClassArchiveLaunch.decide(ANALYZE,
                started(List.of("-Dduckdb.threads=2", "-Da=b c"), ANALYZE));
        assertTrue(decision.launches(), decision.reason());
        List<String> command = decision.command();
        assertEquals(javaHome.resolve("bin").resolve("java").toString(), command.get(0));
        assertEquals("-XX:SharedArchiveFile=" + dir.resolve("arbiter.jsa"), command.get(1));
        assertTrue(command.contains("-XX:TieredStopAtLevel=1"));
        assertTrue(command.contains("-Xlog:cds=off"), "no archive warning on standard output");
        int jarFlag = command.indexOf("-jar");
        assertEquals(List.of("-Dduckdb.threads=2", "-Da=b c", "-Darbiter.launched=class-archive"),
                command.subList(jarFlag - 3, jarFlag), "the user's properties, then the mark that stops a third JVM");
        assertEquals(jar.toString(), command.get(jarFlag + 1));
        assertEquals(List.of(ANALYZE), command.subList(jarFlag + 2, command.size()));
    }

    @Test
    void everyEngineCommandButNoOtherRunsInASecondJvm() {
        for (String name : List.of("datasets", "analyze", "report", "reproduce", "lock")) {
            ClassArchiveLaunch.Decision decision = ClassArchiveLaunch.decide(new String[] {name, "x"}, started(List.of(), name, "x"));
            assertTrue(decision.launches(), name);
            assertEquals(!name.equals("report"), decision.command().contains("-XX:TieredStopAtLevel=1"),
                    name + ": the client compiler only where the Java work is short (report draws the PDF)");
        }
        for (String name : List.of("--version", "import", "sample", "simulate", "benchmark", "snapshot", "keygen", "verify",
            "plan")) {
            ClassArchiveLaunch.Decision decision = ClassArchiveLaunch.decide(new String[] {name}, started(List.of(), name));
            assertFalse(decision.launches(), name);
            assertEquals("not an engine command", decision.reason());
        }
        assertFalse(ClassArchiveLaunch.decide(new String[0], started(List.of())).launches(), "the window");
        assertFalse(ClassArchiveLaunch.decide(new String[] {"analyze", "--help"}, started(List.of(), "analyze", "--help"))
                .launches());
    }

    @Test
    void otherJvmOptionsOrAnotherCommandLineKeepItInThisJvm() {
        assertFalse(ClassArchiveLaunch.decide(ANALYZE, started(List.of("-Xmx8g"), ANALYZE)).launches(), "a heap size");
        assertFalse(ClassArchiveLaunch.decide(ANALYZE, started(List.of("-Dx=1", "-agentlib:jdwp=transport=dt_socket"), ANALYZE))
                .launches(), "a debugger");
        assertFalse(ClassArchiveLaunch.decide(ANALYZE, started(List.of(), "analyze", "--workspace", "other.arbiter"))
                .launches(), "the system's command line is not these arguments");
        ClassArchiveLaunch.Invocation unknown = new ClassArchiveLaunch.Invocation(Optional.empty(), jar, Map.of(), javaHome,
                "17.0.15+6", false);
        assertEquals("the platform does not say how this process was started", ClassArchiveLaunch.decide(ANALYZE, unknown).reason());
        ClassArchiveLaunch.Invocation fromClasses = new ClassArchiveLaunch.Invocation(Optional.of(List.of(ANALYZE)), null,
                Map.of(), javaHome, "17.0.15+6", false);
        assertEquals("not run from a jar", ClassArchiveLaunch.decide(ANALYZE, fromClasses).reason());
        ClassArchiveLaunch.Invocation second = new ClassArchiveLaunch.Invocation(started(List.of(), ANALYZE).processArguments(),
                jar, Map.of(), javaHome, "17.0.15+6", true);
        assertEquals("launched already", ClassArchiveLaunch.decide(ANALYZE, second).reason());
    }

    @Test
    void theEnvironmentCanTurnItOffOrCarriesJvmOptions() {
        assertEquals("ARBITER_CLASS_ARCHIVE=off", ClassArchiveLaunch.decide(ANALYZE,
                startedWith(Map.of("ARBITER_CLASS_ARCHIVE", "off"), List.of(), ANALYZE)).reason());
        assertFalse(ClassArchiveLaunch.decide(ANALYZE, startedWith(Map.of("JDK_JAVA_OPTIONS", "-Xmx2g"), List.of(), ANALYZE))
                .launches());
        assertFalse(ClassArchiveLaunch.decide(ANALYZE, startedWith(Map.of("JAVA_TOOL_OPTIONS", "-Xss4m"), List.of(), ANALYZE))
                .launches());
        assertTrue(ClassArchiveLaunch.decide(ANALYZE, startedWith(Map.of("ARBITER_CLASS_ARCHIVE", "on"), List.of(), ANALYZE))
                .launches());
    }

    @Test
    void anArchiveMadeForAnotherJarOrJavaIsNotUsed() throws IOException {
        stamp("21.0.2+13");
        assertTrue(ClassArchiveLaunch.decide(ANALYZE, started(List.of(), ANALYZE)).reason().contains("another jar or Java"));
        stamp("17.0.15+6");
        assertTrue(ClassArchiveLaunch.decide(ANALYZE, started(List.of(), ANALYZE)).launches());
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        assertFalse(ClassArchiveLaunch.decide(ANALYZE, started(List.of(), ANALYZE)).launches(), "the jar was rebuilt");
        stamp("17.0.15+6");
        Files.delete(dir.resolve(ClassArchiveLaunch.ARCHIVE));
        assertEquals("no arbiter.jsa beside the jar", ClassArchiveLaunch.decide(ANALYZE, started(List.of(), ANALYZE)).reason());
    }
}
