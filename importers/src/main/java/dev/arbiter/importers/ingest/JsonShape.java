package dev.arbiter.importers.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Why a JSON file gave no columns: an empty array, only empty objects, or values that are not objects. */
final class JsonShape {
    private static final int PREFIX = 1 << 16;

    private JsonShape() {
    }

    /** The rest of a refusal that starts with the file's name. */
    static String whyNoColumns(Path file, boolean gzip) throws IOException {
        String text;
        try (InputStream in = ExportFiles.open(file, gzip)) {
            text = new String(in.readNBytes(PREFIX), StandardCharsets.UTF_8).replace("\uFEFF", "").replaceAll("\\s+", "");
        }
        if (text.equals("[]")) {
            return " holds an empty JSON array: no rows to import";
        }
        if (text.replace("{}", "").replace("[", "").replace("]", "").replace(",", "").isEmpty()) {
            return " holds only empty JSON objects ({}): no values to import";
        }
        return " holds JSON values that are not objects: each row must be a JSON object, one per line or in an array";
    }
}
