package dev.arbiter.importers.ingest;

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
 */
public record ImportOptions(String dataset, Mode mode, Map<Role, String> roles, TextPolicy textPolicy,
                            boolean allowReimport, boolean exactRoles) {
    /** What happens to an existing dataset. */
    public enum Mode { CREATE, APPEND, REPLACE }

    /** Free-text columns are personal data: not stored unless asked. */
    public enum TextPolicy {
        /** Leave free-text columns out (default). */
        DROP,
        /** Store them as they are. */
        KEEP,
        /** Store their SHA-256 instead, so equal texts can still be matched. */
        HASH
    }

    public ImportOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(textPolicy, "textPolicy");
        roles = roles.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(roles));
    }

    /** Create a dataset named after the file, detected roles, text dropped. */
    public static ImportOptions defaults() {
        return new ImportOptions(null, Mode.CREATE, Map.of(), TextPolicy.DROP, false, false);
    }

    public ImportOptions withDataset(String name) {
        return new ImportOptions(name, mode, roles, textPolicy, allowReimport, exactRoles);
    }

    public ImportOptions withMode(Mode newMode) {
        return new ImportOptions(dataset, newMode, roles, textPolicy, allowReimport, exactRoles);
    }

    public ImportOptions withRoles(Map<Role, String> newRoles) {
        return new ImportOptions(dataset, mode, newRoles, textPolicy, allowReimport, exactRoles);
    }

    public ImportOptions withTextPolicy(TextPolicy policy) {
        return new ImportOptions(dataset, mode, roles, policy, allowReimport, exactRoles);
    }

    /** Exactly these roles, as confirmed in the mapping step. */
    public ImportOptions withExactRoles(Map<Role, String> confirmed) {
        return new ImportOptions(dataset, mode, confirmed, textPolicy, allowReimport, true);
    }

    public ImportOptions withAllowReimport(boolean allow) {
        return new ImportOptions(dataset, mode, roles, textPolicy, allow, exactRoles);
    }
}
