package dev.arbiter.app.report;

import java.util.Locale;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** The report's paper: ISO A4 or US Letter. */
public enum PaperSize {
    A4(PDRectangle.A4), LETTER(PDRectangle.LETTER);

    private final PDRectangle size;

    PaperSize(PDRectangle size) {
        this.size = size;
    }

    PDRectangle size() {
        return size;
    }

    /** {@code a4} or {@code letter}, any case. */
    public static PaperSize parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("paper must be a4 or letter, got '" + text + "'");
        }
    }
}
