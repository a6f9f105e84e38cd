package dev.arbiter.app.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javax.imageio.ImageIO;

/** Pictures of scenes written by the window tests (target/screens), for a person to look at. */
public final class ScenePictures {
    private ScenePictures() {
    }

    /** Writes {@code scene} as a PNG to {@code file}; call on the FX thread. */
    public static void save(Scene scene, Path file) {
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
