package dev.arbiter.importers.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/** Reading an export's bytes as the engine reads them: decompressed when the file is gzip-compressed. */
final class ExportFiles {
    private ExportFiles() {
    }

    /** The file's content, buffered, decompressed when its name ends in .gz. */
    static InputStream open(Path file) throws IOException {
        return open(file, isGzip(file));
    }

    /** Whether the file is read decompressed: its name ends in .gz. */
    static boolean isGzip(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    /** The file's content, buffered, decompressed when {@code gzip}. */
    static InputStream open(Path file, boolean gzip) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            return gzip ? new GZIPInputStream(raw) : raw;
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }
}
