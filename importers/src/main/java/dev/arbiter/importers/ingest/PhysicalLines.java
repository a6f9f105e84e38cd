package dev.arbiter.importers.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;

/**
 * The physical line (1-based, as an editor shows it) on which each of some byte offsets of a text
 * file lies: DuckDB numbers a rejected CSV record by records read, which falls behind the file's
 * lines as soon as a quoted value holds a newline. One pass over the file (decompressed when it
 * ends in .gz), counting newlines up to the last offset asked.
 */
final class PhysicalLines {
    private PhysicalLines() {
    }

    /** Line numbers of the given byte offsets; an offset past the end gets the last line's number. */
    static Map<Long, Long> of(Path file, SortedSet<Long> offsets) throws IOException {
        Map<Long, Long> lines = new HashMap<>();
        try (InputStream in = ExportFiles.open(file)) {
            long position = 0;
            long line = 1;
            for (long offset : offsets) {
                while (position < offset) {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    position++;
                    if (b == '\n') {
                        line++;
                    }
                }
                lines.put(offset, line);
            }
        }
        return lines;
    }

}
