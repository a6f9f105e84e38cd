package dev.arbiter.importers.ingest;

import java.util.Locale;

/** Dataset (table) names: given by the analyst, or derived from the file name. */
final class DatasetNames {
    private DatasetNames() {
    }

    static String of(String given, Source source) throws ImportException {
        String name = given == null || given.isBlank() ? derive(source) : given.strip();
        if (name.toLowerCase(Locale.ROOT).startsWith("arbiter_")) {
            throw new ImportException(source.displayName() + ": dataset names starting with 'arbiter_' are reserved for "
                    + "Arbiter's own tables: " + name);
        }
        if (name.length() > 120) {
            throw new ImportException(source.displayName() + ": a dataset name can have at most 120 characters: "
                    + name.substring(0, 40) + "…");
        }
        return name;
    }

    /** "Cookie Cats.csv.gz" becomes "cookie_cats"; a folder or glob uses its last plain part. */
    static String derive(Source source) {
        String base = source.files().size() == 1 ? source.files().get(0).getFileName().toString()
                : source.given().replaceAll("[*?].*$", "").replaceAll("[/\\\\]+$", "");
        base = base.substring(base.lastIndexOf('/') + 1);
        String stem = base.replaceAll("(?i)(\\.trace)?(\\.(csv|tsv|txt|parquet|json|jsonl|ndjson))?(\\.gz)?$", "");
        String name = stem.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (name.isEmpty()) {
            return "dataset";
        }
        return Character.isDigit(name.charAt(0)) ? "d_" + name : name;
    }
}
