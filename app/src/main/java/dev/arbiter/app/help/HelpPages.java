package dev.arbiter.app.help;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The documentation bundled in the app (docs/*.md and docs/img, copied into the jar at build
 * time), in the order a newcomer reads it. Nothing is fetched: Help works offline.
 */
public final class HelpPages {
    /** Where the build puts docs/ inside the jar. */
    static final String ROOT = "/dev/arbiter/app/help/";

    public static final String GETTING_STARTED = "getting-started.md";
    public static final String SHORTCUTS = "shortcuts.md";
    /** Where Help → Documentation opens: the sections of the window. */
    public static final String DOCUMENTATION = "screens.md";

    /** The pages listed in the Help window, in reading order. */
    static final List<String> ORDER = List.of(GETTING_STARTED, SHORTCUTS, DOCUMENTATION, "samples.md",
            "experiment-format.md", "cli.md", "methods.md", "validation.md", "decision-format.md",
            "workspace-format.md", "installer.md", "benchmarks.md");

    /** A page: its file name under docs/ and its title (the first heading). */
    public record Page(String file, String title) {
    }

    private HelpPages() {
    }

    /** Every bundled page in reading order; a page missing from the build is left out. */
    public static List<Page> all() {
        return ORDER.stream().map(HelpPages::find).flatMap(Optional::stream).toList();
    }

    /** The page named {@code file} (e.g. {@code cli.md}), if it is bundled. */
    public static Optional<Page> find(String file) {
        return markdown(file).map(text -> new Page(file, title(text, file)));
    }

    /** The Markdown text of {@code file}, if bundled. */
    public static Optional<String> markdown(String file) {
        return bytes(file).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    /** A bundled file's bytes (a page or a picture under img/), if any. */
    static Optional<byte[]> bytes(String file) {
        if (file.contains("..")) {
            return Optional.empty();
        }
        try (InputStream in = HelpPages.class.getResourceAsStream(ROOT + file)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String title(String markdown, String fallback) {
        return markdown.lines().filter(line -> line.startsWith("# ")).findFirst()
                .map(line -> line.substring(2).replace("`", "").strip()).orElse(fallback);
    }
}
