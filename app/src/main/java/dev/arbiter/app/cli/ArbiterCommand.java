package dev.arbiter.app.cli;

import dev.arbiter.app.common.BuildInfo;
import dev.arbiter.app.common.task.UserMessages;
import dev.arbiter.importers.ingest.DatasetImporter;
import dev.arbiter.importers.workspace.DuckDbEngine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The {@code arbiter} command. With no subcommand it opens the desktop window (optionally on a
 * workspace); every subcommand runs headless.
 */
@Command(name = "arbiter",
        mixinStandardHelpOptions = true,
        versionProvider = ArbiterCommand.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Decide A/B tests of LLMs in production, offline, on exported events.",
                "Without a command, opens the desktop app (on WORKSPACE if given)."},
        commandListHeading = "%nCommands (headless):%n",
        footer = {"", "Exit codes: 0 success, 1 failure with a one-line reason on stderr, 2 usage error."})
public final class ArbiterCommand implements Callable<Integer> {
    /** The commands, in the order --help lists them. */
    /** Commands that use the DuckDB engine once their arguments are parsed. */
    private static final List<String> ENGINE_COMMANDS = List.of("import", "datasets", "analyze", "report", "reproduce",
            "lock", "snapshot", "sample");
    private static final List<Class<?>> COMMANDS = List.of(ImportCommand.class, DatasetsCommand.class, AnalyzeCommand.class,
            ReportCommand.class, KeygenCommand.class, VerifyCommand.class, ReproduceCommand.class, SampleCommand.class,
            SnapshotCommand.class, CompareCommand.class, PlanCommand.class, SimulateCommand.class, BenchmarkCommand.class,
            LockCommand.class, CommandLine.HelpCommand.class);

    @Parameters(index = "0", arity = "0..1", paramLabel = "WORKSPACE", description = "An .arbiter workspace to open in the window.")
    private Path workspace;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "FILE",
            description = "Exports to offer for import into WORKSPACE once it is open.")
    private List<Path> files = List.of();

    @Override
    public Integer call() {
        try {
            DesktopLauncher.launch(workspace, files);
        } catch (RuntimeException e) {
            if (String.valueOf(e.getMessage()).contains("DISPLAY")) {
                throw new IllegalStateException("the desktop app needs a display (" + e.getMessage()
                        + "); the commands in 'arbiter --help' run without one", e);
            }
            throw e;
        }
        return 0;
    }

    /**
     * Parses and runs {@code args}; returns the exit code. Without arguments the window opens
     * straight away, without building the command line's model of every command first (~0.3 s).
     */
    public static int run(String... args) {
        if (args.length == 0) {
            try {
                return new ArbiterCommand().call();
            } catch (RuntimeException e) {
                return failed(e, new PrintWriter(System.err, true));
            }
        }
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return printVersion(); // what scripts call to check the install: answered before any command line is built
        }
        boolean importing = opensWorkspace(args) && args[0].equals("import");
        if (opensWorkspace(args)) {
            DuckDbEngine.loadSoon();
        }
        if (importing) {
            ImportCommand.readAhead(args);
        }
        try {
            return commandLine(args[0]).execute(args);
        } finally {
            if (importing) {
                DatasetImporter.forgetReadAhead(); // what this command did not take over is not another's
            }
        }
    }

    /** Commands that open a workspace or the engine (not asking for help): the engine loads while their arguments are parsed. */
    private static boolean opensWorkspace(String... args) {
        List<String> arguments = List.of(args);
        return ENGINE_COMMANDS.contains(args[0]) && !arguments.contains("--help") && !arguments.contains("-h");
    }

    /** Prints what {@code --version} prints through picocli, without building its model (~0.1 s). */
    private static int printVersion() {
        PrintWriter out = new PrintWriter(System.out, true);
        for (String line : new Version().getVersion()) {
            out.println(line);
        }
        return 0;
    }

    /** Columns of --help text: the examples are up to ~110 characters long. */
    static final int USAGE_WIDTH = 120;

    /** The configured command line with every command, for tests that capture its output. */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The command line for arguments starting with {@code first}: with only that command when it
     * names one, with none for {@code --version}, else with all. Building picocli's model of every
     * command — their classes, options and what they load — was most of a command's start-up.
     */
    static CommandLine commandLine(String first) {
        CommandLine commandLine = new CommandLine(new ArbiterCommand());
        List<Class<?>> named = COMMANDS.stream().filter(command -> nameOf(command).equals(first)).toList();
        boolean versionOnly = "--version".equals(first) || "-V".equals(first);
        for (Class<?> command : versionOnly ? List.<Class<?>>of() : named.isEmpty() ? COMMANDS : named) {
            commandLine.addSubcommand(command);
        }
        // wide enough for the examples to stay on their lines; a sentence is one description element
        commandLine.setUsageHelpWidth(USAGE_WIDTH);
        commandLine.setExecutionExceptionHandler((error, cmd, parsed) -> failed(error, cmd.getErr()));
        return commandLine;
    }

    private static String nameOf(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    /** One line on stderr saying what went wrong (the stack too with -Darbiter.debug=true); exit code 1. */
    private static int failed(Throwable error, PrintWriter err) {
        err.println("arbiter: " + UserMessages.describe(error));
        if (Boolean.getBoolean("arbiter.debug")) {
            error.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    /** Prints Arbiter's version and the runtime's. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Arbiter " + BuildInfo.version(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                    "JavaFX " + BuildInfo.get("javafx.version") + ", DuckDB JDBC " + BuildInfo.get("duckdb.version")};
        }
    }
}
