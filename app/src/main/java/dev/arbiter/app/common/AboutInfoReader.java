package dev.arbiter.app.common;

import dev.arbiter.importers.workspace.DuckDbEngine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Collects {@link AboutInfo} from build-time facts, at once; the DuckDB engine's own version
 * ({@link #engineVersion()}) may have to load the engine, so it is read off the UI thread.
 */
public final class AboutInfoReader {
    private static final String LIBRARIES = "/dev/arbiter/app/bundled-libraries.tsv";

    private AboutInfoReader() {
    }

    /** Everything but the engine's version, which reads "JDBC x (engine: reading…)" until it is known. */
    public static AboutInfo read() {
        return new AboutInfo(BuildInfo.version(),
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("javafx.runtime.version", BuildInfo.get("javafx.version")),
                duckdb("reading…"), libraries());
    }

    /** "v2.0.0 (JDBC 2.0.0.1)": asks the engine, loading it if no workspace did yet (~1 s); not on the UI thread. */
    public static String engineVersion() {
        String engine = DuckDbEngine.version();
        return engine + " (JDBC " + BuildInfo.get("duckdb.version") + ")";
    }

    private static String duckdb(String engine) {
        return "JDBC " + BuildInfo.get("duckdb.version") + " (engine: " + engine + ")";
    }

    static List<AboutInfo.Library> libraries() {
        try (InputStream in = AboutInfoReader.class.getResourceAsStream(LIBRARIES)) {
            if (in == null) {
                return List.of();
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t"))
                    .map(cells -> new AboutInfo.Library(cells[0], cells[1], cells[2]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
