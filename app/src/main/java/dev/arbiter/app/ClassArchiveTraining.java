package dev.arbiter.app;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Makes {@code arbiter.jsa} beside {@code arbiter.jar} at package time ({@code java -cp arbiter.jar
 * dev.arbiter.app.ClassArchiveTraining arbiter.jar}): the classes an analysis loads — picocli,
 * Jackson, the DuckDB driver, Arbiter's — archived at the exit of {@code arbiter analyze} on the
 * support-bot sample ({@code -XX:ArchiveClassesAtExit}), with the stamp {@link ClassArchiveLaunch}
 * checks before using it. The archive holds the class path's files by path, size and time, so it is
 * made again whenever the jar is. When it cannot be made (a Java without class-data sharing) the
 * build goes on without it and commands run in one JVM as before.
 */
public final class ClassArchiveTraining {
    private ClassArchiveTraining() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path archive = jar.resolveSibling(ClassArchiveLaunch.ARCHIVE);
        Path stamp = jar.resolveSibling(ClassArchiveLaunch.STAMP);
        Files.deleteIfExists(stamp);
        Files.deleteIfExists(archive);
        Path work = jar.resolveSibling("class-archive-training");
        deleteTree(work);
        Files.createDirectories(work);
        Path log = work.resolve("training.log");
        Path workspace = work.resolve("train.arbiter");
        Path part = work.resolve(ClassArchiveLaunch.ARCHIVE);
        boolean made = run(log, List.of(), jar, "sample", "support-bot", "--workspace", workspace.toString())
                && run(log, List.of("-XX:ArchiveClassesAtExit=" + part, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"), jar,
                "analyze", "--workspace", workspace.toString(), "--experiment",
                work.resolve("support-bot.experiment.json").toString(), "--json", work.resolve("analysis.json").toString())
                && Files.isRegularFile(part);
        if (!made) {
            System.out.println("warning: no class archive for " + jar + " (commands run in one JVM); see " + log);
            return;
        }
        Files.move(part, archive, StandardCopyOption.REPLACE_EXISTING);
        try (OutputStream out = Files.newOutputStream(stamp)) {
            ClassArchiveLaunch.stampOf(jar, Path.of(System.getProperty("java.home")), System.getProperty("java.vm.version"))
                    .store(out, "what " + ClassArchiveLaunch.ARCHIVE + " was made for (ClassArchiveTraining)");
        }
        deleteTree(work);
        System.out.printf("Made %s (%,d KB) for %s%n", archive, Files.size(archive) / 1024, jar);
    }

    /** Runs {@code java OPTIONS -jar JAR ARGS} with its output appended to {@code log}; whether it exited 0. */
    private static boolean run(Path log, List<String> options, Path jar, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(options);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("ARBITER_CLASS_ARCHIVE", "off");
        builder.environment().remove("DISPLAY");
        return builder.start().waitFor() == 0;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
