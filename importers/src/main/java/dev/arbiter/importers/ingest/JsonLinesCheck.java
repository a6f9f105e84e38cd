package dev.arbiter.importers.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads a JSON-lines file once to find the lines DuckDB would skip: each malformed line becomes a
 * rejected row with its line number, text and reason, so nothing is dropped silently.
 */
final class JsonLinesCheck {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_RAW = 10_000;

    /** One rejected line. */
    record Rejected(long line, String raw, String reason) {
    }

    /** The non-blank lines and the rejected ones. */
    record Result(long rows, List<Rejected> rejected) {
    }

    /**
     * A temporary copy of {@code file} with only its valid lines, so that DuckDB reads exactly the
     * rows that were not rejected. The caller deletes it.
     */
    static Path validLines(Path file, boolean gzip) throws IOException {
        Path copy = Files.createTempFile("arbiter-valid-", ".jsonl");
        try (BufferedReader reader = open(file, gzip);
             BufferedWriter writer = Files.newBufferedWriter(copy, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String text = line.replace("\uFEFF", "").strip();
                if (!text.isEmpty() && problem(text) == null) {
                    writer.write(text);
                    writer.newLine();
                }
            }
        }
        return copy;
    }

    private JsonLinesCheck() {
    }

    /** True when the first non-blank line is a complete JSON object: the file is JSON lines. */
    static boolean isJsonLines(Path file, boolean gzip) throws IOException {
        try (BufferedReader reader = open(file, gzip)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String text = line.replace("\uFEFF", "").strip();
                if (!text.isEmpty()) {
                    return text.startsWith("{") && parses(text);
                }
            }
        }
        return false;
    }

    static Result check(Path file, boolean gzip) throws IOException {
        List<Rejected> rejected = new ArrayList<>();
        long rows = 0;
        long number = 0;
        try (BufferedReader reader = open(file, gzip)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                String text = line.replace("\uFEFF", "").strip();
                if (text.isEmpty()) {
                    continue;
                }
                rows++;
                String reason = problem(text);
                if (reason != null) {
                    rejected.add(new Rejected(number, text.length() > MAX_RAW ? text.substring(0, MAX_RAW) : text, reason));
                }
            }
        }
        return new Result(rows, rejected);
    }

    private static String problem(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            return node != null && node.isObject() ? null : "not a JSON object";
        } catch (JsonProcessingException e) {
            return "malformed JSON: " + e.getOriginalMessage();
        }
    }

    private static boolean parses(String text) {
        return problem(text) == null;
    }

    private static BufferedReader open(Path file, boolean gzip) throws IOException {
        InputStream in = Files.newInputStream(file);
        return new BufferedReader(new InputStreamReader(gzip ? new GZIPInputStream(in) : in, StandardCharsets.UTF_8));
    }
}
