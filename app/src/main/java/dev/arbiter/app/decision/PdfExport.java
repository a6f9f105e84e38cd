package dev.arbiter.app.decision;

import dev.arbiter.app.report.PaperSize;
import java.nio.file.Path;

/**
 * How to write the decision PDF, as chosen in the export dialog.
 *
 * @param file     where
 * @param paper    A4 or Letter
 * @param keyStore a PKCS#12 key store to sign with, or null for an unsigned PDF
 * @param password the key store's password (ignored without a key store)
 */
public record PdfExport(Path file, PaperSize paper, Path keyStore, char[] password) {
    public boolean signed() {
        return keyStore != null;
    }
}
