package dev.arbiter.importers.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What is read from a source's files beside DuckDB's load, on another thread: their SHA-256 (the
 * import log's fingerprint, re-import detection) and, for a CSV, whether one ends inside a quoted
 * value ({@link CsvQuotes}). A plain file is read once for both; a gzip-compressed CSV's content is
 * read again, decompressed, for its quotes. Started as soon as the source is known
 * ({@link DatasetImporter#prepare}), e.g. while the JVM and the workspace are still starting, so
 * that little of this reading competes with the load for the processor.
 */
public final class SourceChecks {
    private final CompletableFuture<Read> read;

    private record Read(Fingerprint fingerprint, Optional<String> unclosedQuote) {
    }

    private SourceChecks(CompletableFuture<Read> read) {
        this.read = read;
    }

    /** Starts reading {@code source}'s files. */
    static SourceChecks start(Source source) {
        return new SourceChecks(CompletableFuture.supplyAsync(() -> {
            try {
                return read(source);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    /** The files' fingerprint, once read. */
    Fingerprint fingerprint() {
        return read.join().fingerprint();
    }

    /** Refuses the import when a CSV file ends inside a quoted value, naming the file and the line where it opened. */
    void refuseUnclosedQuote() throws ImportException {
        Optional<String> unclosed = read.join().unclosedQuote();
        if (unclosed.isPresent()) {
            throw new ImportException(unclosed.get());
        }
    }

    private static Read read(Source source) throws IOException {
        boolean csv = source.format() == SourceFormat.CSV;
        List<byte[]> digests = new ArrayList<>();
        Optional<String> unclosed = Optional.empty();
        for (Path file : source.files()) {
            boolean plain = csv && !ExportFiles.isGzip(file);
            CsvQuotes.Scanner quotes = plain ? CsvQuotes.scanner(file) : null;
            digests.add(Fingerprint.digest(file, plain ? quotes::accept : (bytes, length) -> { }));
            if (unclosed.isEmpty() && plain && quotes.unclosedAt() >= 0) {
                unclosed = Optional.of(CsvQuotes.unclosedMessage(file, quotes.unclosedAt()));
            } else if (unclosed.isEmpty() && csv && !plain) {
                unclosed = CsvQuotes.unclosed(file);
            }
        }
        return new Read(Fingerprint.of(source.files(), digests), unclosed);
    }
}
