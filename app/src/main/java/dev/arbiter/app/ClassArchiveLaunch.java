package dev.arbiter.app;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a headless engine command ({@code arbiter analyze}, {@code report}, ...) in a second JVM
 * started with the class-data-sharing archive made for this jar at package time
 * ({@code arbiter.jsa} beside it, {@link ClassArchiveTraining}) and, for the commands whose Java work
 * is short, the client compiler only: a JAR cannot carry JVM options, and the two take 0.4–0.7 s off
 * a 10M-event analysis (decision 0017, docs/benchmarks.md). Only a plain {@code java [-Dname=value...] -jar arbiter.jar COMMAND ...}
 * is launched again — any other JVM option, {@code JDK_JAVA_OPTIONS}/{@code JAVA_TOOL_OPTIONS},
 * {@code ARBITER_CLASS_ARCHIVE=off}, or an archive not made for this jar and this Java keeps the
 * command in this JVM, which then behaves exactly as before. {@code ARBITER_LAUNCH_TRACE=1} says
 * on standard error which way was taken and why.
 */
final class ClassArchiveLaunch {
    /** The archive's file name, beside the jar. */
    static final String ARCHIVE = "arbiter.jsa";
    /** What the archive was made for (jar, its size and time, the Java that made it), beside the jar. */
    static final String STAMP = "arbiter.jsa.properties";
    /** Set on the second JVM, so that it never launches a third. */
    static final String LAUNCHED_PROPERTY = "arbiter.launched";
    /**
     * The headless commands that read a workspace or an engine and are launched again ({@code import}
     * is not: its time is the engine's and the file's hash, and a second JVM gained nothing there).
     */
    static final List<String> COMMANDS = List.of("datasets", "analyze", "report", "reproduce", "lock");
    /** The JVM options of the second JVM, before its system properties and {@code -jar}. */
    static final List<String> JVM_OPTIONS = List.of("-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    /**
     * The commands whose Java work is short, run with the client compiler only (no C2 thread competing
     * with the engine); {@code report} draws the PDF, Java work that C2 does faster (as it hashes an
     * imported file: a 548 MB CSV took 9.0 s to import with C1 only, 6.3–7.5 s with C2).
     */
    static final List<String> CLIENT_COMPILER_COMMANDS = List.of("datasets", "analyze", "reproduce", "lock");

    private ClassArchiveLaunch() {
    }

    /**
     * What this process was started with: its command line as the system sees it (empty when the
     * platform does not say), the jar this class is in (null when not run from a jar), the
     * environment and the Java it runs on.
     */
    record Invocation(Optional<List<String>> processArguments, Path jar, Map<String, String> environment, Path javaHome,
                      String javaVersion, boolean launched) {
        static Invocation current() {
            ProcessHandle.Info info = ProcessHandle.current().info();
            return new Invocation(info.arguments().map(List::of), ownJar(), System.getenv(),
                    Path.of(System.getProperty("java.home")), System.getProperty("java.vm.version"),
                    System.getProperty(LAUNCHED_PROPERTY) != null);
        }

        private static Path ownJar() {
            try {
                Path location = Path.of(ClassArchiveLaunch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                return location.toString().endsWith(".jar") ? location : null;
            } catch (URISyntaxException | RuntimeException e) {
                return null;
            }
        }
    }

    /** The second JVM's command line, or why this command stays in this JVM. */
    record Decision(List<String> command, String reason) {
        boolean launches() {
            return command != null;
        }
    }

    /**
     * Runs {@code args} in a second JVM with the archive when {@link #decide} says so, returning its
     * exit code; empty when the command is to run in this JVM.
     */
    static Optional<Integer> runElsewhere(String[] args) {
        Invocation invocation = Invocation.current();
        Decision decision = decide(args, invocation);
        if ("1".equals(invocation.environment().get("ARBITER_LAUNCH_TRACE"))) {
            System.err.println("arbiter: " + (decision.launches() ? "launching " + String.join(" ", decision.command())
                    : "running in this JVM: " + decision.reason()));
        }
        if (!decision.launches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(run(decision.command()));
        } catch (IOException e) {
            return Optional.empty(); // the second JVM did not start: run here as always
        }
    }

    /** Whether and how {@code args} runs in a second JVM: from {@code invocation} and the files beside the jar. */
    static Decision decide(String[] args, Invocation invocation) {
        String refused = refusal(args, invocation);
        if (refused != null) {
            return new Decision(null, refused);
        }
        Optional<List<String>> properties = plainJarProperties(invocation.processArguments().orElseThrow(), invocation.jar(),
                args);
        if (properties.isEmpty()) {
            return new Decision(null, "started with JVM options other than -D, or not as java -jar " + invocation.jar());
        }
        String stale = staleness(invocation);
        if (stale != null) {
            return new Decision(null, stale);
        }
        List<String> command = new ArrayList<>();
        command.add(invocation.javaHome().resolve("bin").resolve("java").toString());
        command.add("-XX:SharedArchiveFile=" + invocation.jar().resolveSibling(ARCHIVE));
        command.addAll(JVM_OPTIONS);
        if (CLIENT_COMPILER_COMMANDS.contains(args[0])) {
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.addAll(properties.get());
        command.add("-D" + LAUNCHED_PROPERTY + "=class-archive");
        command.addAll(List.of("-jar", invocation.jar().toString()));
        command.addAll(List.of(args));
        return new Decision(List.copyOf(command), null);
    }

    /** Why {@code args} cannot be launched again whatever the archive (null when it can be). */
    private static String refusal(String[] args, Invocation invocation) {
        Map<String, String> environment = invocation.environment();
        if (invocation.launched()) {
            return "launched already";
        } else if ("off".equals(environment.get("ARBITER_CLASS_ARCHIVE"))) {
            return "ARBITER_CLASS_ARCHIVE=off";
        } else if (!environment.getOrDefault("JDK_JAVA_OPTIONS", "").isBlank()
                || !environment.getOrDefault("JAVA_TOOL_OPTIONS", "").isBlank()) {
            return "JDK_JAVA_OPTIONS or JAVA_TOOL_OPTIONS is set";
        } else if (args.length == 0 || !COMMANDS.contains(args[0]) || List.of(args).contains("--help")
                || List.of(args).contains("-h")) {
            return "not an engine command";
        } else if (invocation.jar() == null) {
            return "not run from a jar";
        } else if (invocation.processArguments().isEmpty()) {
            return "the platform does not say how this process was started";
        }
        return null;
    }

    /**
     * The {@code -D} options of a command line {@code [-Dname=value...] -jar JAR ARGS}, or empty when
     * it has another form (other JVM options, another jar, other arguments).
     */
    static Optional<List<String>> plainJarProperties(List<String> processArguments, Path jar, String[] args) {
        int jarFlag = processArguments.indexOf("-jar");
        if (jarFlag < 0 || processArguments.size() != jarFlag + 2 + args.length
                || !processArguments.subList(jarFlag + 2, processArguments.size()).equals(List.of(args))
                || !sameFile(Path.of(processArguments.get(jarFlag + 1)), jar)) {
            return Optional.empty();
        }
        List<String> options = processArguments.subList(0, jarFlag);
        return options.stream().allMatch(option -> option.startsWith("-D")) ? Optional.of(List.copyOf(options))
                : Optional.empty();
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** Why the archive beside the jar is not one for this jar and this Java (null when it is). */
    static String staleness(Invocation invocation) {
        Path jar = invocation.jar();
        Path archive = jar.resolveSibling(ARCHIVE);
        Path stamp = jar.resolveSibling(STAMP);
        if (!Files.isRegularFile(archive) || !Files.isRegularFile(stamp)) {
            return "no " + ARCHIVE + " beside the jar";
        }
        try (InputStream in = Files.newInputStream(stamp)) {
            Properties made = new Properties();
            made.load(in);
            Properties now = stampOf(jar, invocation.javaHome(), invocation.javaVersion());
            return made.equals(now) ? null : ARCHIVE + " was made for another jar or Java (" + stamp + ")";
        } catch (IOException e) {
            return "cannot read " + stamp + ": " + e.getMessage();
        }
    }

    /** What an archive for {@code jar} made by the Java at {@code javaHome} records ({@link ClassArchiveTraining} writes it). */
    static Properties stampOf(Path jar, Path javaHome, String javaVersion) throws IOException {
        Properties stamp = new Properties();
        stamp.setProperty("jar", jar.toRealPath().toString());
        stamp.setProperty("jar.size", Long.toString(Files.size(jar)));
        stamp.setProperty("jar.modified", Long.toString(Files.getLastModifiedTime(jar).toMillis()));
        stamp.setProperty("java.home", javaHome.toRealPath().toString());
        stamp.setProperty("java.vm.version", javaVersion);
        return stamp;
    }

    /**
     * Starts {@code command} on this process's standard streams and returns its exit code. If this
     * JVM is told to stop (Ctrl-C reaches both; {@code kill} only this one), the second is stopped
     * too and waited for, so that its cancel hook runs and no process is left behind.
     */
    static int run(List<String> command) throws IOException {
        // registered first: a stop that comes while the second JVM is being started finds it too
        Runtime.getRuntime().addShutdownHook(new Thread(ClassArchiveLaunch::stopChildren, "arbiter-stop-launched"));
        Process child = new ProcessBuilder(command).inheritIO().start();
        try {
            return child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /** Asks this process's children to stop (their shutdown hooks run) and waits for them, 30 s at most. */
    private static void stopChildren() {
        List<ProcessHandle> children = ProcessHandle.current().children().toList();
        children.forEach(ProcessHandle::destroy);
        for (ProcessHandle child : children) {
            try {
                child.onExit().get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                // gone already, or not stopping: exit anyway
            }
        }
    }
}
