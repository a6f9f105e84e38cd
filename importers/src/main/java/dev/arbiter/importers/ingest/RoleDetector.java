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
                    if (!taken.contains(column.name()) && accepts(role, column) && matches(role, column, loose)) {
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
            if (name.equals(known) || (loose && known.length() > 3 && ("_" + name + "_").contains("_" + known + "_"))) {
                return true;
            }
        }
        return false;
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
