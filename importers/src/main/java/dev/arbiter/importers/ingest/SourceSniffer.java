package dev.arbiter.importers.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Decides what a path holds from its first bytes (and, for folders and globs, the files that
 * match), with a clear message when there is nothing to import.
 */
public final class SourceSniffer {
    private static final int PREFIX = 64 * 1024;

    private SourceSniffer() {
    }

    public static Source detect(String given) throws ImportException {
        if (given.contains("*") || given.contains("?")) {
            return glob(given);
        }
        Path path = Path.of(given).toAbsolutePath().normalize();
        if (Files.isDirectory(path)) {
            return folder(given, path);
        }
        if (!Files.exists(path)) {
            throw new ImportException(given + ": no such file or folder");
        }
        if (!Files.isReadable(path)) {
            throw new ImportException(given + ": the file cannot be read (permission denied)");
        }
        return file(given, path);
    }

    private static Source file(String given, Path path) throws ImportException {
        byte[] head = prefix(path);
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (head.length == 0) {
            throw new ImportException(path.getFileName() + " is empty (0 bytes): nothing to import");
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            SourceFormat format = name.matches(".*\\.(json|jsonl|ndjson)\\.gz$") ? SourceFormat.JSON : SourceFormat.CSV;
            return new Source(given, List.of(path), format, path.toString(), true);
        }
        if (startsWith(head, "PAR1")) {
            return new Source(given, List.of(path), SourceFormat.PARQUET, path.toString(), false);
        }
        if (name.endsWith(".parquet")) {
            throw new ImportException(path.getFileName() + " is not a valid Parquet file (it does not start with the "
                    + "Parquet magic bytes PAR1): the file is corrupt or not Parquet");
        }
        if (name.endsWith(".gz")) {
            throw new ImportException(path.getFileName() + " ends in .gz but is not gzip-compressed");
        }
        if (looksBinary(head)) {
            throw new ImportException(path.getFileName() + " looks like a binary file, not text: Arbiter reads CSV/TSV, "
                    + "Parquet, JSON lines or arrays, and Langfuse, LangSmith or OTLP JSON exports");
        }
        SourceFormat format = textFormat(head);
        if (format == SourceFormat.CSV && name.matches(".*\\.(json|jsonl|ndjson)$")) {
            throw new ImportException(path.getFileName() + " ends in " + name.substring(name.lastIndexOf('.'))
                    + " but does not hold JSON: it starts with '" + firstLine(head) + "' where a JSON object or array, "
                    + "or one object per line, was expected");
        }
        return new Source(given, List.of(path), format, path.toString(), false);
    }

    /** The first non-blank line of the text, at most 40 characters. */
    private static String firstLine(byte[] head) {
        String line = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").strip().split("\\R", 2)[0];
        return line.length() > 40 ? line.substring(0, 40) + "…" : line;
    }

    /** More than 1% control bytes (other than tab, newline, carriage return and a stray NUL or two). */
    private static boolean looksBinary(byte[] head) {
        int control = 0;
        for (byte b : head) {
            int value = b & 0xff;
            if (value < 0x20 && value != '\t' && value != '\n' && value != '\r' && value != '\f') {
                control++;
            }
        }
        return control > 8 && control > head.length / 100;
    }

    /** JSON family (by the first character and the keys near the start) or CSV. */
    private static SourceFormat textFormat(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        String trimmed = text.replace("\uFEFF", "").stripLeading();
        if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
            return SourceFormat.CSV;
        }
        if (text.contains("\"resourceSpans\"")) {
            return SourceFormat.OTLP;
        }
        if (text.contains("\"observations\"") && text.contains("\"trace\"")) {
            return SourceFormat.LANGFUSE;
        }
        if (text.contains("\"post\"") && (text.contains("\"run_type\"") || text.contains("\"patch\""))) {
            return SourceFormat.LANGSMITH;
        }
        return SourceFormat.JSON;
    }

    private static Source folder(String given, Path folder) throws ImportException {
        List<Path> files = list(folder, folder.getFileSystem().getPathMatcher("glob:**.parquet"), Integer.MAX_VALUE);
        if (!files.isEmpty()) {
            return new Source(given, files, SourceFormat.PARQUET, folder.resolve("**").resolve("*.parquet").toString(), false);
        }
        List<Path> csv = list(folder, folder.getFileSystem().getPathMatcher("glob:**.{csv,tsv,csv.gz}"), Integer.MAX_VALUE);
        if (!csv.isEmpty()) {
            return new Source(given, csv, SourceFormat.CSV, folder.resolve("**").resolve("*.csv").toString(), false);
        }
        throw new ImportException(given + " is a folder with no data files (.parquet or .csv): nothing to import");
    }

    private static Source glob(String given) throws ImportException {
        Path pattern = Path.of(given).toAbsolutePath().normalize();
        Path base = pattern.getRoot();
        for (Path part : pattern) {
            if (part.toString().contains("*") || part.toString().contains("?")) {
                break;
            }
            base = base.resolve(part);
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        List<Path> files = Files.isDirectory(base) ? list(base, matcher, 64) : List.of();
        if (files.isEmpty()) {
            throw new ImportException(given + " matches no files");
        }
        Source first = file(given, files.get(0));
        return new Source(given, files, first.format(), pattern.toString(), first.gzip());
    }

    private static List<Path> list(Path folder, PathMatcher matcher, int depth) throws ImportException {
        try (Stream<Path> walk = Files.walk(folder, depth)) {
            return walk.filter(Files::isRegularFile).filter(matcher::matches).sorted().toList();
        } catch (IOException e) {
            throw new ImportException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    private static byte[] prefix(Path path) throws ImportException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(PREFIX);
        } catch (IOException e) {
            throw new ImportException(path.getFileName() + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static boolean startsWith(byte[] head, String magic) {
        byte[] bytes = magic.getBytes(StandardCharsets.US_ASCII);
        return head.length >= bytes.length && Arrays.equals(Arrays.copyOf(head, bytes.length), bytes);
    }
}
