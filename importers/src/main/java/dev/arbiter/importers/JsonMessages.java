package dev.arbiter.importers;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * What a JSON parser's complaint says, in words for the analyst: its first line without the
 * parser's internals ("start marker at [Source: REDACTED (`StreamReadFeature…` disabled)…]",
 * fully qualified Java type names). The file, line and column are added by the caller.
 */
public final class JsonMessages {
    private JsonMessages() {
    }

    /** The parser's message, plain. */
    public static String plain(JsonProcessingException e) {
        return plain(e.getOriginalMessage());
    }

    /** A parser message, plain. */
    public static String plain(String message) {
        String firstLine = message == null ? "" : message.split("\n")[0];
        return firstLine.replaceAll("\\s*\\(start marker at \\[Source:.*$", "")
                .replaceAll("\\s*\\[Source:.*$", "")
                .replaceAll("`[a-z.]+\\.([A-Za-z]+)`", "$1")
                .replace("java.lang.", "")
                .strip();
    }
}
