package dev.arbiter.importers.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds a CSV file whose last quoted value is never closed (issue 19 #4): DuckDB reads the rest of
 * the file into that one value without a word, so the last record would load as garbage. One pass
 * over each file (decompressed when it ends in .gz) with the RFC 4180 states: a quote opens a
 * quoted value only at the start of a field (after a newline or the delimiter, taken as the most
 * frequent of , ; tab | in the first line), {@code ""} inside it is a quote, a single one closes it.
 */
final class CsvQuotes {
    private static final byte[] DELIMITERS = {',', ';', '\t', '|'};

    private CsvQuotes() {
    }

    /** A message naming the first file that ends inside a quoted value and the line where that value opened. */
    static Optional<String> unclosed(List<Path> files) {
        for (Path file : files) {
            try {
                long line = openQuoteAtEnd(file);
                if (line > 0) {
                    return Optional.of(file.getFileName() + ": the quoted value that opens on line " + line
                            + " is never closed, so everything after it would be read as one value; close the quote "
                            + "(or remove the line) and import again");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Optional.empty();
    }

    /** The line where the quoted value still open at the end of the file began, or 0 when none is. */
    static long openQuoteAtEnd(Path file) throws IOException {
        byte delimiter = delimiter(file);
        try (InputStream in = ExportFiles.open(file)) {
            QuoteState state = new QuoteState(delimiter);
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    state.accept(buffer[i]);
                }
            }
            return state.openedOn();
        }
    }

    /** The most frequent of the usual delimiters in the first line (comma when none occurs). */
    private static byte delimiter(Path file) throws IOException {
        int[] counts = new int[DELIMITERS.length];
        try (InputStream in = ExportFiles.open(file)) {
            for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                for (int i = 0; i < DELIMITERS.length; i++) {
                    counts[i] += b == DELIMITERS[i] ? 1 : 0;
                }
            }
        }
        int best = 0;
        for (int i = 1; i < counts.length; i++) {
            best = counts[i] > counts[best] ? i : best;
        }
        return DELIMITERS[best];
    }

    /** Where a reader is in the CSV grammar, byte by byte. */
    private static final class QuoteState {
        private enum At { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

        private final byte delimiter;
        private At at = At.FIELD_START;
        private long line = 1;
        private long openedOn;

        QuoteState(byte delimiter) {
            this.delimiter = delimiter;
        }

        void accept(byte b) {
            if (b != '"' && b != '\n' && b != '\r' && b != delimiter) {
                // ordinary text: the common case, decided without the grammar
                if (at == At.FIELD_START || at == At.QUOTE_IN_QUOTED) {
                    at = At.UNQUOTED;
                }
                return;
            }
            if (b == '\n') {
                line++;
            }
            at = switch (at) {
                case FIELD_START, UNQUOTED -> b == '"' && at == At.FIELD_START ? opened() : next(b);
                case QUOTED -> b == '"' ? At.QUOTE_IN_QUOTED : At.QUOTED;
                case QUOTE_IN_QUOTED -> b == '"' ? At.QUOTED : next(b);
            };
        }

        private At opened() {
            openedOn = line;
            return At.QUOTED;
        }

        /** Outside quotes: a delimiter or newline starts a field, anything else is unquoted text. */
        private At next(byte b) {
            return b == delimiter || b == '\n' || b == '\r' ? At.FIELD_START : At.UNQUOTED;
        }

        long openedOn() {
            return at == At.QUOTED ? openedOn : 0;
        }
    }
}
