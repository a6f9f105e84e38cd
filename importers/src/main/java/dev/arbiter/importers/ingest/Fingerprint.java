package dev.arbiter.importers.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.ObjIntConsumer;

/** SHA-256 and size of the files behind a source: for the import log and re-import detection. */
public record Fingerprint(String sha256, long sizeBytes) {
    /**
     * The fingerprint of {@code files} from each one's digest ({@link #digest}), in the same order:
     * one file's digest; several files' digest is the SHA-256 of their digests in path order.
     */
    static Fingerprint of(List<Path> files, List<byte[]> digests) throws IOException {
        long size = 0;
        for (Path file : files) {
            size += Files.size(file);
        }
        if (digests.size() == 1) {
            return new Fingerprint(hex(digests.get(0)), size);
        }
        MessageDigest combined = newDigest();
        digests.forEach(combined::update);
        return new Fingerprint(hex(combined.digest()), size);
    }

    /** SHA-256 (hex) of texts in the order given, each ended by a zero byte (so "ab","c" differs from "a","bc"). */
    public static String ofTexts(Iterable<String> texts) {
        MessageDigest digest = newDigest();
        for (String text : texts) {
            digest.update(text.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return hex(digest.digest());
    }

    /** The file's SHA-256, each buffer read also handed to {@code reader} (so that one reading serves another check). */
    static byte[] digest(Path file, ObjIntConsumer<byte[]> reader) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
                reader.accept(buffer, read);
            }
        }
        return digest.digest();
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
