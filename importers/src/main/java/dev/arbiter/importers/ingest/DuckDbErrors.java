package dev.arbiter.importers.ingest;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/** Turns a DuckDB error into one line for the analyst, naming the file. */
final class DuckDbErrors {
    private DuckDbErrors() {
    }

    static String describe(String file, SQLException error) {
        String message = String.valueOf(error.getMessage());
        List<String> lines = message.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        String first = lines.isEmpty() ? message : lines.get(0);
        String plain = first.replaceFirst("^[A-Za-z ]*Error: ", "");
        String lower = message.toLowerCase(Locale.ROOT);
        if (plain.startsWith("CSV Error on Line")) {
            String reason = lines.stream().skip(1).filter(line -> !line.startsWith("Original Line")).findFirst().orElse("");
            return file + ": " + plain.replace("CSV Error on Line:", "line") + ": " + reason;
        }
        if (plain.startsWith("Error when sniffing file")) {
            return file + ": DuckDB could not detect the CSV layout (delimiter, quotes, columns); "
                    + "is it really a CSV or TSV file?";
        }
        if (lower.contains("schema mismatch in glob")) {
            return file + ": its files do not have the same columns (" + plain.replaceFirst("^Failed to read file \"[^\"]*\": ", "")
                    + "); import them one by one into a dataset with --append";
        }
        if (lower.contains("gzip") || lower.contains("zlib") || lower.contains("compressed")) {
            return file + ": the gzip data is truncated or corrupt (" + plain + ")";
        }
        if (lower.contains("parquet") && (lower.contains("magic") || lower.contains("corrupt") || lower.contains("footer")
                || lower.contains("invalid"))) {
            return file + ": not a valid Parquet file, or a damaged one (" + plain + ")";
        }
        if (lower.contains("malformed json") || lower.contains("json")) {
            return file + ": invalid JSON (" + plain + ")";
        }
        return file + ": " + plain;
    }
}
