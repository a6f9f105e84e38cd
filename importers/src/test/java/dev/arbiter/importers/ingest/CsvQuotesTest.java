package dev.arbiter.importers.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quote scan that jumps from quote to quote, eight bytes at a time, against a byte-by-byte
 * reading of the same RFC 4180 rules (the scan it replaced): same answer on random CSV-like
 * content dense in quotes, delimiters and line ends, cut into buffers of every size.
 */
class CsvQuotesTest {
    private static final byte[] ALPHABET = {'a', 'b', ',', ';', '"', '"', '"', '\n', '\r', ' '};

    @TempDir
    Path dir;

    @Test
    void nextQuoteFindsTheFirstQuoteAtEveryPositionAndAlignment() {
        for (int length = 0; length < 40; length++) {
            for (int at = 0; at <= length; at++) {
                byte[] bytes = new byte[length];
                Arrays.fill(bytes, (byte) 'x');
                if (at < length) {
                    bytes[at] = '"';
                }
                for (int from = 0; from <= at && from <= length; from++) {
                    assertEquals(at, CsvQuotes.nextQuote(bytes, from, length), "length " + length + ", quote at " + at + ", from " + from);
                }
            }
        }
        byte[] highBytes = new byte[16];
        Arrays.fill(highBytes, (byte) 0xA2); // '"' | 0x80: must not be taken for a quote
        highBytes[11] = '"';
        assertEquals(11, CsvQuotes.nextQuote(highBytes, 0, 16));
    }

    @Test
    void agreesWithTheByteByByteReadingOnRandomContent() {
        SplittableRandom random = new SplittableRandom(22);
        int unclosed = 0;
        for (int sample = 0; sample < 20_000; sample++) {
            byte[] content = randomContent(random, 1 + random.nextInt(60));
            long expected = byteByByte(content, (byte) ',');
            for (int buffer : new int[] {1, 2, 3, 7, 8, 9, 64}) {
                assertEquals(expected, scanned(content, buffer), () -> "content [" + new String(content, StandardCharsets.ISO_8859_1)
                        .replace("\n", "\\n").replace("\r", "\\r") + "], buffers of " + buffer + " bytes");
            }
            unclosed += expected >= 0 ? 1 : 0;
        }
        assertTrue(unclosed > 2_000 && unclosed < 18_000, "both outcomes are exercised: " + unclosed + " of 20000 unclosed");
    }

    @Test
    void namesTheLineWhereTheUnclosedValueOpensInPlainAndCompressedFiles() throws IOException {
        String text = "variant;note\na;\"fine \"\"quoted\"\"\"\nb;\"spans\ntwo lines\"\na;\"never\nclosed\nb;x\n";
        Path plain = Files.writeString(dir.resolve("semi.csv"), text);
        Path compressed = dir.resolve("semi.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(compressed))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        for (Path file : new Path[] {plain, compressed}) {
            Optional<String> message = CsvQuotes.unclosed(file);
            assertTrue(message.orElseThrow().startsWith(file.getFileName() + ": the quoted value that opens on line 5 is never closed"),
                    message.get());
        }
        Files.writeString(plain, "variant;note\na;\"closed at the very end\"");
        assertEquals(Optional.empty(), CsvQuotes.unclosed(plain));
    }

    private static byte[] randomContent(SplittableRandom random, int length) {
        byte[] content = new byte[length];
        for (int i = 0; i < length; i++) {
            content[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return content;
    }

    private static long scanned(byte[] content, int bufferSize) {
        CsvQuotes.Scanner scanner = new CsvQuotes.Scanner((byte) ',');
        for (int start = 0; start < content.length; start += bufferSize) {
            byte[] buffer = Arrays.copyOfRange(content, start, Math.min(content.length, start + bufferSize));
            byte[] padded = Arrays.copyOf(buffer, buffer.length + 5); // bytes past the length must not count
            Arrays.fill(padded, buffer.length, padded.length, (byte) '"');
            scanner.accept(padded, buffer.length);
        }
        return scanner.unclosedAt();
    }

    /** The reference: the byte-by-byte state machine; the offset of the still-open value's quote, or −1. */
    private static long byteByByte(byte[] content, byte delimiter) {
        enum At { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }
        At at = At.FIELD_START;
        long opened = -1;
        for (int i = 0; i < content.length; i++) {
            byte b = content[i];
            boolean separator = b == delimiter || b == '\n' || b == '\r';
            switch (at) {
                case FIELD_START, UNQUOTED -> {
                    if (b == '"' && at == At.FIELD_START) {
                        opened = i;
                        at = At.QUOTED;
                    } else {
                        at = separator ? At.FIELD_START : At.UNQUOTED;
                    }
                }
                case QUOTED -> at = b == '"' ? At.QUOTE_IN_QUOTED : At.QUOTED;
                case QUOTE_IN_QUOTED -> at = b == '"' ? At.QUOTED : separator ? At.FIELD_START : At.UNQUOTED;
                default -> throw new IllegalStateException();
            }
        }
        return at == At.QUOTED ? opened : -1;
    }
}
