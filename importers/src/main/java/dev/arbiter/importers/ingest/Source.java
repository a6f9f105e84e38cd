package dev.arbiter.importers.ingest;

import java.nio.file.Path;
import java.util.List;

/**
 * What is being imported: the name the user gave, the files behind it (one, or several for a
 * folder or glob), their format, and the location DuckDB reads (a path or a glob).
 *
 * @param given    the argument as the user gave it, for messages
 * @param files    the files, sorted
 * @param format   the detected format
 * @param location what the DuckDB reader is given
 * @param gzip     whether the (CSV or JSON) file is gzip-compressed
 */
public record Source(String given, List<Path> files, SourceFormat format, String location, boolean gzip) {
    public Source {
        files = List.copyOf(files);
    }

    /** The file name users recognise: the single file's name, or the folder/glob as given. */
    public String displayName() {
        return files.size() == 1 ? files.get(0).getFileName().toString() : given;
    }
}
