package dev.arbiter.importers.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/** Reads a CSV header line to warn about duplicate column names (DuckDB renames them silently). */
final class HeaderCheck {
    private static final char[] DELIMITERS = {',', '\t', ';', '|'};

    private HeaderCheck() {
    }

    static Optional<String> duplicates(Path file, boolean gzip) throws IOException {
        String header;
        try (InputStream in = Files.newInputStream(file);
             BufferedReader reader = new BufferedReader(new InputStreamReader(gzip ? new GZIPInputStream(in) : in,
                     StandardCharsets.UTF_8))) {
            header = reader.readLine();
        }
        if (header == null) {
            return Optional.empty();
        }
        List<String> names = split(header.replace("\uFEFF", ""), likelyDelimiter(header));
        Map<String, Integer> counts = new LinkedHashMap<>();
        names.forEach(name -> counts.merge(name.strip().toLowerCase(Locale.ROOT), 1, Integer::sum));
        List<String> repeated = counts.entrySet().stream().filter(e -> e.getValue() > 1 && !e.getKey().isEmpty())
                .map(e -> "'" + e.getKey() + "' (" + e.getValue() + " times)").toList();
        return repeated.isEmpty() ? Optional.empty() : Optional.of("Duplicate column names in the header: "
                + String.join(", ", repeated) + "; the later ones are stored with a suffix (_1, _2, ...).");
    }

    private static char likelyDelimiter(String header) {
        char best = ',';
        int most = -1;
        for (char candidate : DELIMITERS) {
            int count = (int) header.chars().filter(c -> c == candidate).count();
            if (count > most) {
                most = count;
                best = candidate;
            }
        }
        return best;
    }

    private static List<String> split(String line, char delimiter) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
