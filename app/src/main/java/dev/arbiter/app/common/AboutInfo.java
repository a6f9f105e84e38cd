package dev.arbiter.app.common;

import java.util.List;

/**
 * What the About dialog shows: versions of Arbiter and its runtime, and the bundled libraries
 * with their licences.
 */
public record AboutInfo(String arbiterVersion, String javaVersion, String javafxVersion, String duckdbVersion,
                        List<Library> libraries) {
    /** A bundled library and its licence. */
    public record Library(String name, String version, String licence) {
    }

    public AboutInfo {
        libraries = List.copyOf(libraries);
    }
}
