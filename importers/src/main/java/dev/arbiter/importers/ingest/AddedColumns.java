package dev.arbiter.importers.ingest;

import java.util.Locale;
import java.util.Map;

/**
 * Columns an import adds to the rows it reads, for data whose arm or unit is not in the rows:
 * eval runs saved one file per model (the arm is the file), benchmark requests without an id.
 *
 * @param fileColumn  a column holding each row's source file: its name without extensions
 *                    ({@code xstest_v2_completions_llama2orig}), or the label given for it; null: none
 * @param fileLabels  labels per file, keyed by the file's name with or without its extensions
 *                    ({@code llama2orig.csv=orig}); files without a label keep their name
 * @param rowIdColumn a column numbering the rows 1, 2, … (continuing the dataset's numbers when
 *                    appending), so each row can be its own unit; null: none
 */
public record AddedColumns(String fileColumn, Map<String, String> fileLabels, String rowIdColumn) {
    /** No added column. */
    public static final AddedColumns NONE = new AddedColumns(null, Map.of(), null);

    public AddedColumns {
        fileLabels = Map.copyOf(fileLabels);
        if (!fileLabels.isEmpty() && fileColumn == null) {
            throw new IllegalArgumentException("file labels need a file column (--file-column NAME)");
        }
    }

    /** Whether any column is added. */
    public boolean any() {
        return fileColumn != null || rowIdColumn != null;
    }

    /** The label of a file: the one given for its name (with or without extensions), else its bare name. */
    public String labelOf(String fileName) {
        String name = withoutFolders(fileName);
        String stem = stem(name);
        String given = fileLabels.getOrDefault(name, fileLabels.get(stem));
        return given != null ? given : stem;
    }

    /** {@code runs/llama2orig.csv.gz} → {@code llama2orig}: the name without folders and known extensions. */
    public static String stem(String fileName) {
        String name = withoutFolders(fileName);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
            lower = lower.substring(0, lower.length() - 3);
        }
        for (String extension : new String[] {".csv", ".tsv", ".txt", ".json", ".jsonl", ".ndjson", ".parquet"}) {
            if (lower.endsWith(extension)) {
                return name.substring(0, name.length() - extension.length());
            }
        }
        return name;
    }

    private static String withoutFolders(String path) {
        return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    }
}
