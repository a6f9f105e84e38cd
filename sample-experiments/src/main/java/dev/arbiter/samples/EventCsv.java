package dev.arbiter.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/** Writes events as CSV: a fixed header, one row per event, empty for a missing value, LF line ends. */
final class EventCsv {
    private final Writer out;
    private final int columns;
    private long rows;

    EventCsv(Writer out, List<String> header) {
        this.out = out;
        this.columns = header.size();
        line(header.toArray());
    }

    /** One event; values in header order, already formatted or plain (null for missing). */
    void row(Object... values) {
        if (values.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " values, got " + values.length);
        }
        line(values);
        rows++;
    }

    long rows() {
        return rows;
    }

    private void line(Object[] values) {
        try {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                if (values[i] != null) {
                    out.write(values[i].toString());
                }
            }
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
