package dev.arbiter.app.desktop;

import dev.arbiter.app.common.Theme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import dev.arbiter.app.shell.Section;

/**
 * Renders every section of a real window to PNG files and quits: for the README's pictures, for
 * looking at screens on a machine without a desktop (under Xvfb), and as the installer's smoke test.
 * It waits for the analysis, then selects each section in turn and snapshots the scene.
 */
public final class Snapshots {
    private static final Duration SETTLE = Duration.millis(700);
    private final MainWindow window;
    private final Path folder;
    private final List<Theme> themes;
    private final List<Path> written = new ArrayList<>();
    private Theme theme;

    /** Renders every section in each of {@code themes}, in that order. */
    public Snapshots(MainWindow window, Path folder, List<Theme> themes) {
        this.window = window;
        this.folder = folder;
        this.themes = List.copyOf(themes);
    }

    /** Starts once the analysis has a result (or after {@code timeoutSeconds}); exits the app at the end. */
    public void start(int timeoutSeconds) {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        PauseTransition poll = new PauseTransition(Duration.millis(250));
        poll.setOnFinished(event -> {
            boolean ready = window.analysis().analysis().resultProperty().get() != null
                    || window.analysis().analysis().problemProperty().get() != null;
            if (ready || System.nanoTime() > deadline) {
                nextTheme(0);
            } else {
                poll.playFromStart();
            }
        });
        poll.play();
    }

    private void nextTheme(int index) {
        if (index == themes.size()) {
            System.out.println("Wrote " + written.size() + " screens to " + folder.toAbsolutePath());
            Platform.exit();
            return;
        }
        theme = themes.get(index);
        window.model().themeProperty().set(theme);
        shoot(0, () -> nextTheme(index + 1));
    }

    private void shoot(int index, Runnable then) {
        Section[] sections = Section.values();
        if (index == sections.length) {
            then.run();
            return;
        }
        window.model().sectionProperty().set(sections[index]);
        PauseTransition settle = new PauseTransition(SETTLE);
        settle.setOnFinished(event -> {
            save(sections[index]);
            shoot(index + 1, then);
        });
        settle.play();
    }

    private void save(Section section) {
        WritableImage image = window.stage().getScene().snapshot(null);
        Path file = folder.resolve(section.name().toLowerCase(Locale.ROOT) + "-" + theme.name().toLowerCase(Locale.ROOT) + ".png");
        try {
            Files.createDirectories(folder);
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
            written.add(file);
        } catch (IOException e) {
            System.err.println("arbiter: cannot write " + file + ": " + e.getMessage());
        }
    }
}
