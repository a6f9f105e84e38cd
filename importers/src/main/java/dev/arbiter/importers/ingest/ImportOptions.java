package dev.arbiter.importers.ingest;

import java.util.Locale;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to import.
 *
 * @param dataset     target dataset (table) name, or null to derive it from the file name
 * @param mode        create a new dataset, append to one, or replace one
 * @param roles       roles the analyst set (ROLE=COLUMN); they override detection
 * @param textPolicy  what to do with free-text columns (prompts, responses)
 * @param allowReimport import a file even when the same SHA-256 was imported before (the
 *                    analyst confirmed); implied by APPEND and REPLACE
 * @param exactRoles  use exactly {@code roles} (the analyst confirmed every role, removals
 *                    included) instead of adding them to the detected ones
 * @param added       columns the import adds: the source file's name or label, a row id
 * @param columnPolicies what is stored of named columns, over {@code textPolicy} and the default that
 *                    keeps free-text columns with few distinct values (versions, model names)
 * @param rows        what becomes of malformed rows: a stray word in a numeric column, a short CSV row
 */
public record ImportOptions(String dataset, Mode mode, Map<Role, String> roles, TextPolicy textPolicy,
                            boolean allowReimport, boolean exactRoles, AddedColumns added,
                            Map<String, TextPolicy> columnPolicies, RowPolicy rows) {
    /**
     * Malformed rows. By default a row with a stray value in a numeric column (say "notanumber" among
     * latencies) is rejected with its line and reason, so the column stays numeric; a CSV row with
     * fewer fields than the header is rejected too.
     *
     * @param nullBadNumbers load such a value as empty instead (counted in a warning), keeping the row
     * @param padShortRows   load a short CSV row with its missing fields empty instead of rejecting it
     */
    public record RowPolicy(boolean nullBadNumbers, boolean padShortRows) {
        /** Reject both. */
        public static final RowPolicy STRICT = new RowPolicy(false, false);
    }

    /** What happens to an existing dataset. */
    public enum Mode { CREATE, APPEND, REPLACE }

    /** Free-text columns are personal data: not stored unless asked. */
    public enum TextPolicy {
        /** Leave free-text columns out (default). */
        DROP,
        /** Store them as they are. */
        KEEP,
        /**
         * Store their HMAC-SHA-256 keyed with the workspace's secret, so equal texts can still be
         * matched (an eval item, a repeated prompt) but a hash cannot be looked up outside the workspace.
         */
        HASH,
        /** Store them with e-mail addresses, phone, card-like and US social-security numbers masked. */
        REDACT;

        /** The policy for its lower-case name ({@code keep}, {@code hash}, {@code redact}, {@code drop}). */
        public static TextPolicy fromKey(String key) {
            for (TextPolicy policy : values()) {
                if (policy.key().equals(key.strip().toLowerCase(Locale.ROOT))) {
                    return policy;
                }
            }
            throw new IllegalArgumentException("unknown text policy '" + key + "': use keep, hash, redact or drop");
        }

        /** {@code keep}, {@code hash}, {@code redact} or {@code drop}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ImportOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(textPolicy, "textPolicy");
        roles = roles.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(roles));
        Objects.requireNonNull(added, "added");
        columnPolicies = Map.copyOf(columnPolicies);
        Objects.requireNonNull(rows, "rows");
    }

    /** Create a dataset named after the file, detected roles, text dropped. */
    public static ImportOptions defaults() {
        return new ImportOptions(null, Mode.CREATE, Map.of(), TextPolicy.DROP, false, false, AddedColumns.NONE, Map.of(),
                RowPolicy.STRICT);
    }

    public ImportOptions withDataset(String name) {
        return new ImportOptions(name, mode, roles, textPolicy, allowReimport, exactRoles, added, columnPolicies, rows);
    }

    public ImportOptions withMode(Mode newMode) {
        return new ImportOptions(dataset, newMode, roles, textPolicy, allowReimport, exactRoles, added, columnPolicies, rows);
    }

    public ImportOptions withRoles(Map<Role, String> newRoles) {
        return new ImportOptions(dataset, mode, newRoles, textPolicy, allowReimport, exactRoles, added, columnPolicies, rows);
    }

    public ImportOptions withTextPolicy(TextPolicy policy) {
        return new ImportOptions(dataset, mode, roles, policy, allowReimport, exactRoles, added, columnPolicies, rows);
    }

    /** Exactly these roles, as confirmed in the mapping step. */
    public ImportOptions withExactRoles(Map<Role, String> confirmed) {
        return new ImportOptions(dataset, mode, confirmed, textPolicy, allowReimport, true, added, columnPolicies, rows);
    }

    public ImportOptions withAllowReimport(boolean allow) {
        return new ImportOptions(dataset, mode, roles, textPolicy, allow, exactRoles, added, columnPolicies, rows);
    }

    /** With these added columns. */
    public ImportOptions withAdded(AddedColumns columns) {
        return new ImportOptions(dataset, mode, roles, textPolicy, allowReimport, exactRoles, columns, columnPolicies, rows);
    }

    /** With these per-column policies (column name → what is stored of it). */
    public ImportOptions withColumnPolicies(Map<String, TextPolicy> policies) {
        return new ImportOptions(dataset, mode, roles, textPolicy, allowReimport, exactRoles, added, policies, rows);
    }

    /** With this policy for malformed rows. */
    public ImportOptions withRows(RowPolicy policy) {
        return new ImportOptions(dataset, mode, roles, textPolicy, allowReimport, exactRoles, added, columnPolicies, policy);
    }
}
