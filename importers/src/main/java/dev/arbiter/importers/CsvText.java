package dev.arbiter.importers;

/**
 * The one place that writes CSV fields (RFC 4180): a field with a comma, a quote or a line break
 * is quoted with its quotes doubled; an absent value is an empty field.
 */
public final class CsvText {
    private CsvText() {
    }

    /** {@code value} as a field, quoted only when it must be. */
    public static String field(String value) {
        String text = value == null ? "" : value;
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r") ? quoted(text) : text;
    }

    /** {@code value} always quoted (an absent value stays an empty, unquoted field). */
    public static String quoted(String value) {
        return value == null ? "" : '"' + value.replace("\"", "\"\"") + '"';
    }
}
