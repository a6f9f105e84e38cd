package dev.arbiter.importers;

/**
 * The one place that turns user-provided names into SQL: identifiers are always double-quoted
 * with embedded quotes doubled (standard SQL, so the same text runs on other engines). Values
 * never go through here: they are bound as parameters.
 */
public final class Sql {
    private Sql() {
    }

    /**
     * A single-quoted SQL string literal, embedded quotes doubled — only where the engine takes a
     * constant and no parameter (a name inside a table function's options); values are parameters.
     */
    public static String text(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a text must not contain a NUL character");
        }
        return "'" + value.replace("'", "''") + "'";
    }

    /** A quoted identifier, e.g. {@code user "id"} becomes {@code "user ""id"""}. */
    public static String identifier(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("an identifier must not be empty");
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an identifier must not contain a NUL character");
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
