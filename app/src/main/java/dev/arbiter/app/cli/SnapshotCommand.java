package dev.arbiter.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code arbiter snapshot}: opens the real window on a workspace (default: the support-bot sample),
 * renders every section to PNG and exits — to look at the screens without a desktop (under Xvfb),
 * and as the installed app's smoke test. Needs a display, like the window itself.
 */
@Command(name = "snapshot", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Render every section of the window to PNG files and exit (needs a display, e.g. xvfb-run).",
                "  xvfb-run -a arbiter snapshot --out shots             the support-bot sample, light theme",
                "  xvfb-run -a arbiter snapshot w.arbiter --out shots --theme light,dark"})
final class SnapshotCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "WORKSPACE", description = "The workspace to show (default: the support-bot sample).")
    private Path workspace;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where to write SECTION-THEME.png.")
    private Path out;

    @Option(names = "--theme", paramLabel = "THEMES", defaultValue = "light", description = "light, dark or light,dark (default ${DEFAULT-VALUE}).")
    private String themes;

    @Override
    public Integer call() {
        for (String theme : themes.split(",")) {
            if (!List.of("light", "dark").contains(theme.trim())) {
                throw new IllegalArgumentException("--theme takes light, dark or light,dark, not '" + themes + "'");
            }
        }
        System.setProperty("arbiter.snapshot", out.toAbsolutePath().toString());
        System.setProperty("arbiter.snapshot.themes", themes);
        DesktopLauncher.launch(workspace, List.of());
        return 0;
    }
}
