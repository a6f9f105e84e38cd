package dev.arbiter.importers.ingest;

import java.security.SecureRandom;
import dev.arbiter.importers.workspace.WorkspaceSchema;
import dev.arbiter.importers.Sql;
import dev.arbiter.importers.ingest.ImportOptions.TextPolicy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The per-column privacy policy of an import: which columns hold free text — named like text
 * ({@code prompt}, {@code completion}), or found to by their values (long texts, many distinct),
 * including text nested in JSON values ({@code messages[].content}) — and what is stored of each:
 * kept, hashed (HMAC with the workspace's key), redacted or dropped. A text column with few
 * distinct short values (a prompt version, a model name, a category) is a label and is kept unless
 * the analyst says otherwise; a column of e-mail addresses or phone numbers is hashed (it may be the
 * unit id, and equal values still match). Values are read from the first {@value #SAMPLE_ROWS} rows only.
 */
public final class ColumnPrivacy {
    /** Rows read to measure each column's values (as many as DuckDB's CSV sniffer reads). */
    static final int SAMPLE_ROWS = 20_480;
    /** The temporary table an import keeps its first {@value #SAMPLE_ROWS} rows in, read once for every measure. */
    static final String SAMPLE_TABLE = "arbiter_tmp_sample";
    /** A text column with at most this many distinct values among the sampled rows is a label. */
    static final int FEW_VALUES = 50;
    /** Average length from which many distinct values read as free text, whatever the column's name. */
    static final double TEXT_LENGTH = 40;

    private ColumnPrivacy() {
    }

    /** Why a column is treated as it is; shown in the import dialog and the warnings. */
    public enum Reason {
        /** Named like free text. */
        NAMED,
        /** Its values read as free text (long, many distinct). */
        VALUES,
        /** Its JSON values hold free text. */
        NESTED,
        /** Named like text, but few distinct values: a label. */
        FEW_VALUES,
        /** Its values are e-mail addresses, phone or social-security numbers: hashed by default, still usable as an id. */
        PERSONAL_ID,
        /** The analyst chose the policy. */
        CHOSEN
    }

    /** What is stored of one column, and why. */
    public record Decision(String column, TextPolicy policy, Reason reason) {
        /** "prompt (hashed)", for the import's warnings. */
        public String describe() {
            return column + switch (reason) {
                case NESTED -> " (text inside JSON)";
                case FEW_VALUES -> " (few distinct values)";
                case PERSONAL_ID -> " (e-mail addresses or personal numbers)";
                default -> "";
            };
        }
    }

    /**
     * How a sampled column's values look: distinct and present values, average length, the share
     * of its values that are an e-mail address, a phone or a social-security number, and the share
     * with a space inside (prose has spaces, ids do not).
     */
    private record Shape(long distinct, long present, double averageLength, double personal, double spaced) {
        /** Long values with spaces, mostly distinct (or many distinct values): prose, not a label or a long id. */
        boolean isFreeText() {
            return averageLength >= TEXT_LENGTH && spaced >= 0.5 && (distinct > FEW_VALUES || 2 * distinct > present);
        }

        /** Few short values that repeat (v3/v4, a model name): a label, not prose — "hello", "hi" once each are prose. */
        boolean isLabel() {
            return distinct <= FEW_VALUES && averageLength < TEXT_LENGTH && 2 * distinct <= present;
        }

        boolean isPersonalId() {
            return present > 0 && personal >= 0.8;
        }
    }

    /** A whole value that is an e-mail address, a US social-security number or a phone number. */
    private static final String PERSONAL_VALUE = "^\\s*([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}|\\d{3}-\\d{2}-\\d{4}"
            + "|\\+\\d{1,3}[ .-]?\\(?\\d{1,4}\\)?([ .-]?\\d{2,4}){2,4}|\\(?\\d{3}\\)?[ .-]\\d{3}[ .-]\\d{4})\\s*$";

    /**
     * The decision for every column that is free text or has a chosen policy; columns mapped to a
     * role other than text are data, never free text.
     */
    public static List<Decision> decide(Connection connection, String relation, SqlBinder binder, List<ColumnInfo> columns,
                                        List<String> namedText, Map<Role, String> roles, ImportOptions options)
            throws SQLException {
        Map<String, Shape> shapes = shapes(connection, relation, binder, columns.stream()
                .filter(c -> mayHoldText(c) && !c.name().equals(options.added().fileColumn())).toList());
        List<Decision> decisions = new ArrayList<>();
        for (ColumnInfo column : columns) {
            String name = column.name();
            TextPolicy chosen = options.columnPolicies().get(name);
            if (chosen != null) {
                decisions.add(new Decision(name, chosen, Reason.CHOSEN));
                continue;
            }
            boolean mapped = roles.entrySet().stream().anyMatch(e -> e.getKey() != Role.TEXT && e.getValue().equals(name));
            Shape shape = shapes.get(name);
            if (mapped || shape == null || name.equals(options.added().fileColumn())) {
                continue;
            }
            boolean named = namedText.contains(name) || roles.get(Role.TEXT) != null && roles.get(Role.TEXT).equals(name);
            boolean nested = !column.isText();
            if (!nested && shape.isPersonalId()) {
                decisions.add(new Decision(name, TextPolicy.HASH, Reason.PERSONAL_ID));
            } else if (named && !nested && shape.isLabel()) {
                decisions.add(new Decision(name, TextPolicy.KEEP, Reason.FEW_VALUES));
            } else if (named || shape.isFreeText()) {
                decisions.add(new Decision(name, options.textPolicy(), nested ? Reason.NESTED : named ? Reason.NAMED : Reason.VALUES));
            }
        }
        return decisions;
    }

    /**
     * Keeps the source's first {@value #SAMPLE_ROWS} rows in {@link #SAMPLE_TABLE}: each further read
     * of a CSV costs a sniff of the file (~0.1 s), so every measure reads this table instead.
     */
    static void keepSample(Connection connection, SourceRelation reader) throws SQLException {
        try (PreparedStatement sample = connection.prepareStatement("CREATE OR REPLACE TEMP TABLE " + SAMPLE_TABLE
                + " AS SELECT * FROM " + reader.firstRowsRelation() + " LIMIT " + SAMPLE_ROWS)) {
            reader.bind(sample);
            sample.execute();
        }
    }

    /** Binds a relation's parameters (the file's location) to a statement that reads it. */
    @FunctionalInterface
    public interface SqlBinder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Text, or a nested value (struct, list, map, JSON) with text somewhere inside. */
    private static boolean mayHoldText(ColumnInfo column) {
        String type = column.type().toUpperCase(Locale.ROOT);
        return column.isText() || type.equals("JSON")
                || (type.contains("VARCHAR") || type.contains("JSON")) && (type.contains("STRUCT") || type.contains("[]")
                || type.contains("MAP"));
    }

    /** How each column's values look, over the first rows, as text; a column without a value has no shape. */
    private static Map<String, Shape> shapes(Connection connection, String relation, SqlBinder binder,
                                             List<ColumnInfo> columns) throws SQLException {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        if (columns.isEmpty()) {
            return shapes;
        }
        List<String> items = new ArrayList<>();
        for (ColumnInfo column : columns) {
            items.add("CAST(" + Sql.identifier(column.name()) + " AS VARCHAR) AS " + Sql.identifier(column.name()));
        }
        // one grouped pass over the columns unpivoted (nulls left out), not four aggregates per column
        try (PreparedStatement query = connection.prepareStatement("SELECT name, count(DISTINCT v), count(v), avg(length(v)), "
                + "avg(CASE WHEN regexp_matches(v, " + Sql.text(PERSONAL_VALUE) + ") THEN 1 ELSE 0 END), "
                + "avg(CASE WHEN contains(trim(v), ' ') THEN 1 ELSE 0 END) FROM (UNPIVOT (SELECT "
                + String.join(", ", items) + " FROM " + relation + " LIMIT " + SAMPLE_ROWS + ") ON COLUMNS(*) INTO NAME name VALUE v) "
                + "GROUP BY name")) {
            binder.bind(query);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    shapes.put(result.getString(1), new Shape(result.getLong(2), result.getLong(3), result.getDouble(4),
                            result.getDouble(5), result.getDouble(6)));
                }
            }
        }
        return shapes;
    }

    /** The temporary table holding this workspace's HMAC pads while an import runs. */
    static final String KEY_TABLE = "arbiter_tmp_hmac";
    private static final String SECRET_NAME = "text_hmac_sha256";

    /**
     * Puts the workspace's text-hashing key (made on first use: 32 random bytes in
     * {@code arbiter_secrets}) as HMAC inner and outer pads into {@link #KEY_TABLE}, so that
     * {@link #stored} computes the standard HMAC-SHA-256 in SQL with no key in the SQL text.
     */
    static void prepareKey(Connection connection) throws SQLException {
        byte[] key = secret(connection);
        byte[] inner = new byte[64];
        byte[] outer = new byte[64];
        for (int i = 0; i < 64; i++) {
            byte k = i < key.length ? key[i] : 0;
            inner[i] = (byte) (k ^ 0x36);
            outer[i] = (byte) (k ^ 0x5c);
        }
        Tables.execute(connection, "CREATE OR REPLACE TEMP TABLE " + KEY_TABLE + " (inner_pad BLOB, outer_pad BLOB)");
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + KEY_TABLE + " VALUES (?, ?)")) {
            insert.setBytes(1, inner);
            insert.setBytes(2, outer);
            insert.execute();
        }
    }

    /** The workspace's hashing key, made and stored the first time it is needed. */
    static byte[] secret(Connection connection) throws SQLException {
        String table = WorkspaceSchema.SECRETS;
        try (PreparedStatement read = connection.prepareStatement("SELECT secret FROM " + table + " WHERE name = ?")) {
            read.setString(1, SECRET_NAME);
            try (ResultSet result = read.executeQuery()) {
                if (result.next()) {
                    return result.getBytes(1);
                }
            }
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try (PreparedStatement write = connection.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)")) {
            write.setString(1, SECRET_NAME);
            write.setBytes(2, key);
            write.execute();
        }
        return key;
    }

    /** The column as stored under {@code policy} (hashing reads the pads from {@code keyTable}). */
    static String stored(String column, TextPolicy policy, String keyTable) {
        String name = Sql.identifier(column);
        String text = "CAST(" + name + " AS VARCHAR)";
        return switch (policy) {
            case KEEP, DROP -> name;
            case HASH -> "sha256((SELECT outer_pad FROM " + keyTable + ") || unhex(sha256((SELECT inner_pad FROM " + keyTable
                    + ") || encode(" + text + ")))) AS " + name;
            case REDACT -> redacted(text) + " AS " + name;
        };
    }

    /** Masks e-mail addresses, US social-security numbers, card-like and phone numbers, in that order. */
    private static String redacted(String text) {
        String[][] patterns = {
                {"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}", "[email]"},
                {"\\b\\d{3}-\\d{2}-\\d{4}\\b", "[ssn]"},
                {"\\b(?:\\d[ -]?){12,18}\\d\\b", "[card]"},
                {"(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{3}\\)|\\b\\d{3})[ .-]?\\d{3}[ .-]?\\d{4}\\b", "[phone]"}};
        String expression = text;
        for (String[] pattern : patterns) {
            expression = "regexp_replace(" + expression + ", " + Sql.text(pattern[0]) + ", " + Sql.text(pattern[1]) + ", 'g')";
        }
        return expression;
    }
}
