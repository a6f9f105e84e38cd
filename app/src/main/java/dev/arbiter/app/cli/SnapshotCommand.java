package dev.arbiter.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code arbiter snapshot}: opens the real window, without a display (JavaFX's headless Monocle
 * platform, software rendering), on a workspace and experiment (default: the support-bot sample),
 * renders every section to PNG and exits — for docs/img, for looking at screens over SSH, and as
 * the installed app's smoke test.
 */
@Command(name = "snapshot", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Render every section of the window to PNG files and exit; needs no display.",
                "  arbiter snapshot --out shots                                   the support-bot sample",
                "  arbiter snapshot --workspace w.arbiter --experiment e.json --out shots --theme light,dark",
                "Writes SECTION-THEME.png, e.g. results-light.png, one per section and theme."})
final class SnapshotCommand implements Callable<Integer> {
    @Option(names = "--workspace", paramLabel = "W.arbiter", description = "The workspace to show (default: the support-bot sample).")
    private Path workspace;

    @Option(names = "--experiment", paramLabel = "E.json", description = "The experiment to show (default: the workspace's first saved one).")
    private Path experiment;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where to write the PNG files.")
    private Path out;

    @Option(names = "--theme", paramLabel = "THEMES", defaultValue = "light", description = "light, dark or light,dark (default ${DEFAULT-VALUE}).")
    private String themes;

    @Option(names = "--display", description = "Use the real display (DISPLAY, e.g. under xvfb-run) instead of headless rendering.")
    private boolean display;

    @Override
    public Integer call() {
        for (String theme : themes.split(",")) {
            if (!List.of("light", "dark").contains(theme.trim())) {
                throw new IllegalArgumentException("--theme takes light, dark or light,dark, not '" + themes + "'");
            }
        }
        if (workspace != null && !Files.isRegularFile(workspace)) {
            throw new IllegalArgumentException("no workspace " + workspace.toAbsolutePath());
        }
        if (experiment != null && !Files.isRegularFile(experiment)) {
            throw new IllegalArgumentException("no experiment file " + experiment.toAbsolutePath());
        }
        if (!display) {
            // headless: Monocle's in-memory screen and software rendering, as in the UI tests
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("java.awt.headless", "true");
        }
        System.setProperty("arbiter.snapshot", out.toAbsolutePath().toString());
        System.setProperty("arbiter.snapshot.themes", themes);
        if (experiment != null) {
            System.setProperty("arbiter.snapshot.experiment", experiment.toAbsolutePath().toString());
        }
        DesktopLauncher.launch(workspace, List.of());
        return 0;
    }
}
