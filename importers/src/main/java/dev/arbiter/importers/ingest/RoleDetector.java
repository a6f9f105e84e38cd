package dev.arbiter.importers.ingest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Proposes a column for each role from column names and types: an exact known name first, then
 * a known name as a whole word inside the column name (e.g. {@code p95_latency_ms}). Free-text
 * columns are all reported, since each of them may hold personal data.
 */
public final class RoleDetector {
    /** Words that make a column named after free text an identifier or a label (a version, a name, a category). */
    private static final Set<String> NOT_FREE_TEXT = Set.of("version", "id", "name", "type", "category", "key", "hash",
            "code", "count", "length", "tokens", "template", "lang", "language", "variant", "arm", "group", "label", "model",
            "timestamp", "time", "reason", "role", "status", "provider", "date");
    /** Words that make a column named after an outcome something else than its 0/1 flag. */
    private static final Set<String> NOT_A_FLAG = Set.of("code", "codes", "message", "msg", "type", "reason", "text",
            "id", "count", "name", "details");

    /** Words that make a name with "time" in it a duration rather than a point in time. */
    private static final Set<String> A_DURATION = Set.of("per", "to", "s", "sec", "secs", "seconds", "ms", "duration",
            "elapsed", "taken", "spent", "total", "avg", "mean");

    private RoleDetector() {
    }

    /** What was detected: one column per role, and every free-text column. */
    public record Detection(Map<Role, String> roles, List<String> textColumns) {
        public Detection {
            roles = Map.copyOf(roles);
            textColumns = List.copyOf(textColumns);
        }
    }

    public static Detection detect(List<ColumnInfo> columns) {
        return detect(columns, Set.of());
    }

    /** The roles of a source's columns; a trace's attribute columns take a role only by an exact name. */
    public static Detection detect(SourceFormat format, List<ColumnInfo> columns) {
        if (!format.isTrace()) {
            return detect(columns);
        }
        Set<String> fixed = new HashSet<>();
        for (String[] column : LlmCall.COLUMNS) {
            fixed.add(column[0]);
        }
        Set<String> attributes = new HashSet<>();
        columns.stream().map(ColumnInfo::name).filter(name -> !fixed.contains(name)).forEach(attributes::add);
        return detect(columns, attributes);
    }

    /**
     * As {@link #detect(List)}, with the columns in {@code exactOnly} taking a role only by an exact
     * known name: a trace's attributes ({@code variant} is the variant, but {@code beeai.version} or
     * {@code gcp.vertex.agent.event_id} are not a variant or an event id).
     */
    public static Detection detect(List<ColumnInfo> columns, Set<String> exactOnly) {
        Map<Role, String> roles = new EnumMap<>(Role.class);
        Set<String> taken = new HashSet<>();
        List<String> text = new ArrayList<>();
        for (ColumnInfo column : columns) {
            if (column.isText() && matches(Role.TEXT, column, true)) {
                text.add(column.name());
                taken.add(column.name());
            }
        }
        for (boolean loose : new boolean[] {false, true}) {
            for (Role role : Role.values()) {
                if (role == Role.TEXT || roles.containsKey(role)) {
                    continue;
                }
                for (ColumnInfo column : columns) {
                    if (!taken.contains(column.name()) && accepts(role, column)
                            && matches(role, column, loose && !exactOnly.contains(column.name()))) {
                        roles.put(role, column.name());
                        taken.add(column.name());
                        break;
                    }
                }
            }
        }
        return new Detection(roles, text);
    }

    private static boolean matches(Role role, ColumnInfo column, boolean loose) {
        String name = Role.normalise(column.name());
        for (String known : role.names()) {
            if (name.equals(known) || (loose && known.length() > 3 && ("_" + name + "_").contains("_" + known + "_")
                    && looseMatchHolds(role, column, name))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a known name inside a longer column name still means the role: {@code prompt_version}
     * is a version, not free text; {@code error_message} is not a 0/1 error flag; a time found inside a
     * name is a timestamp when the column holds times or the name does not say a duration
     * ({@code time_per_example}, {@code time_to_first_token}) (issue 17).
     */
    private static boolean looseMatchHolds(Role role, ColumnInfo column, String name) {
        List<String> words = List.of(name.split("_"));
        return switch (role.kind()) {
            case TEXT -> role != Role.TEXT || words.stream().noneMatch(NOT_FREE_TEXT::contains);
            case OUTCOME -> words.stream().noneMatch(NOT_A_FLAG::contains);
            case TIME -> column.isTemporal() || words.stream().noneMatch(A_DURATION::contains);
            default -> true;
        };
    }

    private static boolean accepts(Role role, ColumnInfo column) {
        return switch (role.kind()) {
            case ANY -> true;
            case TEXT -> column.isText();
            case NUMBER -> column.isNumeric();
            case TIME -> column.isTemporal() || column.isText() || column.isNumeric();
            case OUTCOME -> column.isBoolean() || column.isNumeric() || column.isText();
        };
    }
}
