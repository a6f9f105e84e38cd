package dev.arbiter.importers.workspace;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a workspace holds, as shown in the window title and the Data section.
 *
 * @param file          the {@code .arbiter} file
 * @param formatVersion the workspace format version written when it was created
 * @param createdWith   the Arbiter version that created it
 * @param datasets      names of the imported datasets (tables), sorted
 */
public record WorkspaceSummary(Path file, int formatVersion, String createdWith, List<String> datasets) {
    public WorkspaceSummary {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(createdWith, "createdWith");
        datasets = List.copyOf(datasets);
    }

    /** The file name without the {@code .arbiter} extension. */
    public String name() {
        String fileName = file.getFileName().toString();
        return fileName.endsWith(Workspace.EXTENSION)
                ? fileName.substring(0, fileName.length() - Workspace.EXTENSION.length())
                : fileName;
    }
}
