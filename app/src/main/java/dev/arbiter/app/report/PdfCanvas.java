package dev.arbiter.app.report;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;
import org.jfree.chart.JFreeChart;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays a document down page by page, top to bottom: headings, wrapped paragraphs, tables that
 * break across pages with their header repeated, and JFreeChart charts drawn as vectors. One
 * embedded font (Liberation Sans, shipped inside PDFBox) for body and chart text, so every word
 * in the file is searchable; bold is the same outlines filled and stroked.
 */
final class PdfCanvas {
    static final float MARGIN = 48;
    static final Color TEXT = new Color(33, 37, 41);
    static final Color MUTED = new Color(108, 117, 125);
    static final Color ACCENT = new Color(0, 114, 178);
    static final Color WARNING = new Color(213, 94, 0);
    private static final Color RULE = new Color(210, 214, 218);
    private static final Color HEADER_FILL = new Color(241, 243, 245);
    private static final float BODY = 9.5f;
    private static final float TABLE = 8f;
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private final PDDocument document;
    private final PaperSize paper;
    private final PDType0Font font;
    private final Map<Integer, Boolean> printable = new HashMap<>();
    private PDPageContentStream out;
    private float y;

    PdfCanvas(PDDocument document, PaperSize paper) throws IOException {
        this.document = document;
        this.paper = paper;
        try (InputStream in = PdfCanvas.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IOException("the report font " + FONT + " is missing from the PDFBox library");
            }
            this.font = PDType0Font.load(document, in, true);
        }
        newPage();
    }

    float width() {
        return paper.size().getWidth() - 2 * MARGIN;
    }

    /** Starts a new page; the cursor goes to its top margin. */
    void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(paper.size());
        document.addPage(page);
        out = new PDPageContentStream(document, page);
        y = paper.size().getHeight() - MARGIN;
    }

    /** Breaks the page unless {@code height} points still fit above the bottom margin. */
    void keep(float height) throws IOException {
        if (y - height < MARGIN + 14) {
            newPage();
        }
    }

    void space(float points) {
        y -= points;
    }

    void title(String text) throws IOException {
        for (String line : wrap(text, 20, width())) {
            keep(26);
            write(line, MARGIN, y - 20, 20, true, TEXT);
            y -= 26;
        }
    }

    /** A section heading, kept on the page with at least {@code following} points of what comes after. */
    void heading(String text, float following) throws IOException {
        keep(34 + following);
        y -= 12;
        write(text, MARGIN, y - 13, 13, true, ACCENT);
        y -= 18;
        out.setStrokingColor(RULE);
        out.setLineWidth(0.6f);
        out.moveTo(MARGIN, y + 2);
        out.lineTo(MARGIN + width(), y + 2);
        out.stroke();
        y -= 6;
    }

    void paragraph(String text) throws IOException {
        paragraph(text, BODY, false, TEXT);
    }

    /** Wrapped text; a line break in {@code text} starts a new line. */
    void paragraph(String text, float size, boolean bold, Color colour) throws IOException {
        float leading = size * 1.35f;
        for (String part : text.split("\n", -1)) {
            for (String line : wrap(part, size, width())) {
                keep(leading);
                write(line, MARGIN, y - size, size, bold, colour);
                y -= leading;
            }
        }
        y -= size * 0.4f;
    }

    /** Label–value lines, labels in a narrow muted column. */
    void facts(List<String[]> facts) throws IOException {
        float labelWidth = width() * 0.26f;
        for (String[] fact : facts) {
            List<String> lines = wrap(fact[1], BODY, width() - labelWidth);
            keep(lines.size() * BODY * 1.35f);
            write(fact[0], MARGIN, y - BODY, BODY, false, MUTED);
            for (String line : lines) {
                write(line, MARGIN + labelWidth, y - BODY, BODY, false, TEXT);
                y -= BODY * 1.35f;
            }
        }
        y -= BODY * 0.4f;
    }

    /**
     * A table: {@code widths} are fractions of the text width; cells wrap; a page break repeats
     * the header; {@code emphasis} marks rows to print in the warning colour.
     */
    void table(float[] widths, List<String> header, List<List<String>> rows, List<Boolean> emphasis) throws IOException {
        float padding = 3;
        keep(2 * (TABLE * 1.3f + 2 * padding));
        row(widths, header, padding, true, TEXT);
        for (int i = 0; i < rows.size(); i++) {
            float height = rowHeight(widths, rows.get(i), padding);
            if (y - height < MARGIN + 14) {
                newPage();
                row(widths, header, padding, true, TEXT);
            }
            row(widths, rows.get(i), padding, false, emphasis != null && emphasis.get(i) ? WARNING : TEXT);
        }
        y -= 8;
    }

    void table(float[] widths, List<String> header, List<List<String>> rows) throws IOException {
        table(widths, header, rows, null);
    }

    private float rowHeight(float[] widths, List<String> cells, float padding) throws IOException {
        int lines = 1;
        for (int c = 0; c < cells.size(); c++) {
            lines = Math.max(lines, wrap(cells.get(c), TABLE, widths[c] * width() - 2 * padding).size());
        }
        return lines * TABLE * 1.3f + 2 * padding;
    }

    private void row(float[] widths, List<String> cells, float padding, boolean header, Color colour) throws IOException {
        float height = rowHeight(widths, cells, padding);
        if (header) {
            out.setNonStrokingColor(HEADER_FILL);
            out.addRect(MARGIN, y - height, width(), height);
            out.fill();
        }
        float x = MARGIN;
        for (int c = 0; c < cells.size(); c++) {
            float lineY = y - padding - TABLE;
            for (String line : wrap(cells.get(c), TABLE, widths[c] * width() - 2 * padding)) {
                write(line, x + padding, lineY, TABLE, header, header ? TEXT : colour);
                lineY -= TABLE * 1.3f;
            }
            x += widths[c] * width();
        }
        y -= height;
        out.setStrokingColor(RULE);
        out.setLineWidth(0.4f);
        out.moveTo(MARGIN, y);
        out.lineTo(MARGIN + width(), y);
        out.stroke();
    }

    /** A chart drawn as vectors, the full text width and {@code height} points tall; its text stays text. */
    void chart(JFreeChart chart, float height) throws IOException {
        keep(height + 6);
        PdfBoxGraphics2D graphics = new PdfBoxGraphics2D(document, width(), height);
        graphics.setFontTextDrawer(new ChartText(font));
        chart.draw(graphics, new Rectangle2D.Double(0, 0, width(), height));
        graphics.dispose();
        PDFormXObject form = graphics.getXFormObject();
        out.saveGraphicsState();
        out.transform(Matrix.getTranslateInstance(MARGIN, y - height));
        out.drawForm(form);
        out.restoreGraphicsState();
        y -= height + 6;
    }

    /** Closes the last page and numbers every page in its footer. */
    void finish(String footer) throws IOException {
        out.close();
        int pages = document.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            PDPage page = document.getPage(i);
            try (PDPageContentStream foot = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                out = foot;
                String text = footer + "  ·  page " + (i + 1) + " of " + pages;
                write(text, MARGIN, MARGIN - 20, 7.5f, false, MUTED);
            }
        }
    }

    private void write(String text, float x, float baseline, float size, boolean bold, Color colour) throws IOException {
        String safe = printable(text);
        if (safe.isEmpty()) {
            return;
        }
        out.beginText();
        out.setFont(font, size);
        out.setNonStrokingColor(colour);
        if (bold) {
            out.setRenderingMode(RenderingMode.FILL_STROKE);
            out.setStrokingColor(colour);
            out.setLineWidth(size * 0.035f);
        } else {
            out.setRenderingMode(RenderingMode.FILL);
        }
        out.newLineAtOffset(x, baseline);
        out.showText(safe);
        out.endText();
    }

    /** Lines of at most {@code available} points; words longer than a line (hashes, paths) are cut. */
    List<String> wrap(String text, float size, float available) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : printable(text == null ? "" : text).split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (widthOf(candidate, size) <= available) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            while (widthOf(word, size) > available && word.length() > 1) {
                int cut = word.length() - 1;
                while (cut > 1 && widthOf(word.substring(0, cut), size) > available) {
                    cut--;
                }
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    private float widthOf(String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** The text with characters the font cannot show replaced by '?', and tabs by spaces. */
    private String printable(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        text.replace('\t', ' ').replace('\r', ' ').codePoints().forEach(cp -> {
            boolean ok = printable.computeIfAbsent(cp, this::canShow);
            safe.appendCodePoint(ok ? cp : '?');
        });
        return safe.toString();
    }

    private boolean canShow(int codePoint) {
        try {
            return font.encode(new String(Character.toChars(codePoint))).length > 0
                    && font.getStringWidth(new String(Character.toChars(codePoint))) >= 0;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Chart text in the report's embedded font, whatever font the chart asked for. */
    private static final class ChartText extends PdfBoxGraphics2DFontTextDrawer {
        private final PDFont font;

        ChartText(PDFont font) {
            this.font = font;
        }

        @Override
        protected boolean hasDynamicFontMapping() {
            return true;
        }

        @Override
        protected PDFont mapFont(Font requested, IFontTextDrawerEnv env) {
            return font;
        }
    }
}
