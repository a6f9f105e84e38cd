package dev.arbiter.importers.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds a CSV file whose last quoted value is never closed (issue 19 #4): DuckDB reads the rest of
 * the file into that one value without a word, so the last record would load as garbage. The RFC
 * 4180 rules: a quote opens a quoted value only at the start of a field (the file's start, or after
 * a newline, a carriage return or the delimiter — the most frequent of , ; tab | in the first line),
 * {@code ""} inside it is a quote, a single one closes it; any other quote is text.
 *
 * <p>Only quotes change that state, so the scan jumps from quote to quote, eight bytes at a time
 * ({@link #nextQuote}): a file is read at memory speed, on the same buffers as its digest
 * ({@link SourceChecks}), while the import starts.
 */
final class CsvQuotes {
    private static final byte[] DELIMITERS = {',', ';', '\t', '|'};
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long QUOTES = ONES * '"';

    private CsvQuotes() {
    }

    /** A scanner for {@code file}'s bytes, with the delimiter read from its first line. */
    static Scanner scanner(Path file) throws IOException {
        return new Scanner(delimiter(file));
    }

    /** The message for a file whose quoted value opened at byte {@code offset} of its content is never closed. */
    static String unclosedMessage(Path file, long offset) throws IOException {
        return file.getFileName() + ": the quoted value that opens on line " + lineAt(file, offset)
                + " is never closed, so everything after it would be read as one value; close the quote "
                + "(or remove the line) and import again";
    }

    /** Scans {@code file}'s content (decompressed when it ends in .gz); a message when it ends inside a quoted value. */
    static Optional<String> unclosed(Path file) throws IOException {
        Scanner scanner = scanner(file);
        try (InputStream in = ExportFiles.open(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                scanner.accept(buffer, read);
            }
        }
        long opened = scanner.unclosedAt();
        return opened < 0 ? Optional.empty() : Optional.of(unclosedMessage(file, opened));
    }

    /** The 1-based line of byte {@code offset} of the file's content: newlines before it, plus one. */
    private static long lineAt(Path file, long offset) throws IOException {
        long line = 1;
        try (InputStream in = ExportFiles.open(file)) {
            byte[] buffer = new byte[1 << 16];
            long position = 0;
            for (int read = in.read(buffer); read >= 0 && position < offset; read = in.read(buffer)) {
                int end = (int) Math.min(read, offset - position);
                for (int i = 0; i < end; i++) {
                    line += buffer[i] == '\n' ? 1 : 0;
                }
                position += read;
            }
        }
        return line;
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

    /**
     * The index of the first {@code "} in {@code bytes[from, to)}, or {@code to}: eight bytes at a
     * time, a byte equal to the quote found as a zero byte of their XOR (the lowest one flagged is exact).
     */
    static int nextQuote(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long x = (long) LONGS.get(bytes, i) ^ QUOTES;
            long zeros = (x - ONES) & ~x & HIGH_BITS;
            if (zeros != 0) {
                return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        while (i < to && bytes[i] != '"') {
            i++;
        }
        return i;
    }

    /** Where a reader is in the CSV grammar, fed the content buffer by buffer. */
    static final class Scanner {
        private final byte delimiter;
        /** Bytes of the content before the current buffer. */
        private long position;
        private boolean quoted;
        /** Inside a quoted value, the buffer ended on a quote: the next byte decides whether it closed it. */
        private boolean quoteAtEnd;
        /** The byte before the current buffer (a newline at the start: the file's start is a field's start). */
        private byte previous = '\n';
        private long openedAt = -1;

        Scanner(byte delimiter) {
            this.delimiter = delimiter;
        }

        /** Takes the next {@code length} bytes of the content. */
        void accept(byte[] bytes, int length) {
            int i = 0;
            if (quoteAtEnd && length > 0) {
                quoteAtEnd = false;
                // "" is a quote inside the value; anything else follows the closing quote
                quoted = bytes[0] == '"';
                i = bytes[0] == '"' ? 1 : 0;
            }
            while (i < length) {
                int quote = nextQuote(bytes, i, length);
                if (quote == length) {
                    break;
                }
                i = quoted ? inQuoted(bytes, quote, length) : outside(bytes, quote);
            }
            if (length > 0) {
                previous = bytes[length - 1];
                position += length;
            }
        }

        /** A quote inside a quoted value: an escaped one ({@code ""}) or the closing one. */
        private int inQuoted(byte[] bytes, int quote, int length) {
            if (quote + 1 == length) {
                quoteAtEnd = true;
                return length;
            }
            quoted = bytes[quote + 1] == '"';
            return quote + (quoted ? 2 : 1);
        }

        /** A quote outside quotes: it opens a value at a field's start, and is text anywhere else. */
        private int outside(byte[] bytes, int quote) {
            byte before = quote == 0 ? previous : bytes[quote - 1];
            if (before == delimiter || before == '\n' || before == '\r') {
                quoted = true;
                openedAt = position + quote;
            }
            return quote + 1;
        }

        /** The content offset of the quote opening the value still open at the end, or −1 when none is (a last quote closes it). */
        long unclosedAt() {
            return quoted && !quoteAtEnd ? openedAt : -1;
        }
    }
}
