package dev.arbiter.importers.ingest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one reading of a source's files for the import log's digest and the unclosed-quote check:
 * digests against Python's {@code hashlib.sha256} of the same bytes, quotes in plain and
 * compressed files, and a reading started ahead of the import.
 */
class SourceChecksTest {
    private static final String FIRST = "variant,user_id,note\na,u1,\"said \"\"hi\"\"\"\nb,u2,plain\n";
    private static final String SECOND = "variant,user_id\nb,u3\n";

    @TempDir
    Path dir;

    @Test
    void oneFileIsItsSha256AndSeveralTheSha256OfTheirDigests() throws Exception {
        Path first = Files.writeString(dir.resolve("a.csv"), FIRST);
        Path second = Files.writeString(dir.resolve("b.csv"), SECOND);
        SourceChecks one = SourceChecks.start(csv(false, first));
        // python3: hashlib.sha256(FIRST).hexdigest(), and of the two digests concatenated
        assertEquals("e110fcc864fbe524d17a8c5391158554641cf74b0a68b3dfec72eecad46b0094", one.fingerprint().sha256());
        assertEquals(FIRST.length(), one.fingerprint().sizeBytes());
        assertDoesNotThrow(one::refuseUnclosedQuote);
        SourceChecks both = SourceChecks.start(csv(false, first, second));
        assertEquals("8b3ec657e014431362a885bfbc5c71d9246c0e430430fdd5bfd6296a14ad9826", both.fingerprint().sha256());
        assertEquals(FIRST.length() + SECOND.length(), both.fingerprint().sizeBytes());
    }

    @Test
    void aCompressedFileIsDigestedAsStoredAndScannedDecompressed() throws Exception {
        Path compressed = dir.resolve("open.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(compressed))) {
            out.write((SECOND + "a,\"never closed\nb,u4\n").getBytes(StandardCharsets.UTF_8));
        }
        SourceChecks checks = SourceChecks.start(csv(true, compressed));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(compressed))),
                checks.fingerprint().sha256());
        ImportException refused = assertThrows(ImportException.class, checks::refuseUnclosedQuote);
        assertTrue(refused.getMessage().startsWith("open.csv.gz: the quoted value that opens on line 3 is never closed"),
                refused.getMessage());
    }

    @Test
    void theFirstFileEndingInsideAQuoteIsNamed() throws Exception {
        Path good = Files.writeString(dir.resolve("good.csv"), FIRST);
        Path open = Files.writeString(dir.resolve("open.csv"), SECOND + "a,\"x\n");
        ImportException refused = assertThrows(ImportException.class, SourceChecks.start(csv(false, good, open))::refuseUnclosedQuote);
        assertTrue(refused.getMessage().startsWith("open.csv: the quoted value that opens on line 3"), refused.getMessage());
        Path parquetNamed = Files.writeString(dir.resolve("open.parquet"), "a,\"x\n");
        assertDoesNotThrow(SourceChecks.start(new Source("p", List.of(parquetNamed), SourceFormat.PARQUET, "p", false))
                ::refuseUnclosedQuote, "only CSV files are scanned for quotes");
    }

    @Test
    void aReadingStartedAheadIsTakenOverOnceByThePreparationOfTheSameText() throws Exception {
        String given = Files.writeString(dir.resolve("ahead.csv"), FIRST).toString();
        DatasetImporter.readAhead(given);
        assertTrue(DatasetImporter.isReadAhead(given));
        DatasetImporter.Prepared prepared = DatasetImporter.prepare(given);
        assertFalse(DatasetImporter.isReadAhead(given), "taken over, not read again");
        assertEquals("e110fcc864fbe524d17a8c5391158554641cf74b0a68b3dfec72eecad46b0094", prepared.checks().fingerprint().sha256());
        assertNotSame(prepared, DatasetImporter.prepare(given), "a second import of the text reads the file again");

        DatasetImporter.readAhead(given);
        DatasetImporter.forgetReadAhead();
        assertFalse(DatasetImporter.isReadAhead(given), "a reading no import took over is dropped with its command");

        String missing = dir.resolve("missing.csv").toString();
        DatasetImporter.readAhead(missing);
        assertFalse(DatasetImporter.isReadAhead(missing), "a guess that cannot be read is dropped");
        ImportException refused = assertThrows(ImportException.class, () -> DatasetImporter.prepare(missing));
        assertTrue(refused.getMessage().endsWith("missing.csv: no such file or folder"), refused.getMessage());
    }

    private static Source csv(boolean gzip, Path... files) {
        return new Source(files[0].toString(), List.of(files), SourceFormat.CSV, files[0].toString(), gzip);
    }
}
