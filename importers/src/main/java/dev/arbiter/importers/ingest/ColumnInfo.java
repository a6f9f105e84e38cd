package dev.arbiter.importers.ingest;

import java.util.Locale;
import java.util.Objects;

/** A dataset column: its name and DuckDB type. */
public record ColumnInfo(String name, String type) {
    public ColumnInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public boolean isNumeric() {
        String t = type.toUpperCase(Locale.ROOT);
        return t.startsWith("DECIMAL") || t.matches("(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?|DOUBLE|FLOAT|REAL)");
    }

    public boolean isBoolean() {
        return type.equalsIgnoreCase("BOOLEAN");
    }

    public boolean isTemporal() {
        String t = type.toUpperCase(Locale.ROOT);
        return t.startsWith("TIMESTAMP") || t.equals("DATE");
    }

    public boolean isText() {
        return type.equalsIgnoreCase("VARCHAR");
    }
}
