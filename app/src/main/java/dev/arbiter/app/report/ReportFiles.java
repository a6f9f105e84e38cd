package dev.arbiter.app.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;

/** Writes a report to disk, signed or not, all at once: a failure never leaves half a PDF behind. */
public final class ReportFiles {
    private ReportFiles() {
    }

    /** The PDF's bytes, signed by {@code key} when it is not null. */
    public static byte[] render(ReportInput input, SigningKey key) throws IOException, GeneralSecurityException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DecisionReport.write(input, out);
        if (key == null) {
            return out.toByteArray();
        }
        return PdfSigner.sign(out.toByteArray(), key, "Decision: " + input.decision().decision(), input.generatedAt());
    }

    /** Writes {@code bytes} to {@code file} through a temporary file in the same folder. */
    public static void save(byte[] bytes, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path temporary = parent.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".part");
        try {
            Files.write(temporary, bytes);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
