package dev.arbiter.importers.ingest;

import dev.arbiter.importers.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Warnings about an imported dataset that do not stop the import. */
final class DatasetChecks {
    private static final int SAMPLE = 10_000;

    private DatasetChecks() {
    }

    static List<String> warnings(Connection connection, String dataset, List<ColumnInfo> columns, Map<Role, String> roles)
            throws SQLException {
        List<String> warnings = new ArrayList<>();
        String variant = roles.get(Role.VARIANT);
        if (variant == null) {
            warnings.add("No column looks like the variant (arm): map one with --map variant=COLUMN before analysing.");
        } else {
            unitsInTwoArms(connection, dataset, variant, roles).ifPresent(warnings::add);
        }
        warnings.addAll(mixedTypes(connection, dataset, columns, roles));
        return warnings;
    }

    /**
     * Units of the coarsest unit column (user, else session, else request) seen in more than one
     * arm. The import cannot know the assignment unit, so the warning says what follows either way:
     * users legitimately cross arms when sessions or requests are randomised.
     */
    private static Optional<String> unitsInTwoArms(Connection connection, String dataset, String variant,
                                                            Map<Role, String> roles) throws SQLException {
        Optional<Role> coarsest = Stream.of(Role.USER_ID, Role.SESSION_ID, Role.REQUEST_ID)
                .filter(roles::containsKey).findFirst();
        if (coarsest.isEmpty()) {
            return Optional.empty();
        }
        Role unitRole = coarsest.get();
        String unit = Sql.identifier(roles.get(unitRole));
        String v = Sql.identifier(variant);
        // grouping on 64-bit hashes is twice as fast as on text; a collision among even 10^7 units has
        // probability ~10^-6, and would at worst merge two units in a warning
        String sql = "SELECT count(*), CAST(min(u) AS VARCHAR) FROM (SELECT any_value(" + unit + ") AS u FROM "
                + Sql.identifier(dataset) + " GROUP BY hash(" + unit + ") HAVING min(hash(" + v + ")) <> max(hash(" + v + ")))";
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            rows.next();
            long crossed = rows.getLong(1);
            String name = unitRole.key();
            return crossed == 0 ? Optional.empty() : Optional.of(crossed + " " + name + " value"
                    + (crossed == 1 ? " was" : "s were") + " seen in more than one arm (e.g. '" + rows.getString(2)
                    + "'): expected if a finer unit was randomised; if the experiment is randomised by " + name
                    + ", these units are excluded from analysis.");
        }
    }

    /** Text columns whose values are mostly numbers: a sign of a stray value such as "n/a" or "oops". */
    private static List<String> mixedTypes(Connection connection, String dataset, List<ColumnInfo> columns,
                                           Map<Role, String> roles) throws SQLException {
        List<String> warnings = new ArrayList<>();
        for (ColumnInfo column : columns) {
            if (!column.isText() || roles.containsValue(column.name())) {
                continue;
            }
            String name = Sql.identifier(column.name());
            String sql = "SELECT count(" + name + "), count(TRY_CAST(" + name + " AS DOUBLE)), "
                    + "min(" + name + ") FILTER (WHERE TRY_CAST(" + name + " AS DOUBLE) IS NULL) "
                    + "FROM (SELECT " + name + " FROM " + Sql.identifier(dataset) + " LIMIT " + SAMPLE + ")";
            try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
                rows.next();
                long values = rows.getLong(1);
                long numbers = rows.getLong(2);
                if (numbers > 0 && numbers < values && numbers * 2 >= values) {
                    warnings.add("Column " + column.name() + " mixes numbers and text (" + (values - numbers) + " of "
                            + values + " values checked are not numbers, e.g. '" + rows.getString(3) + "'): stored as text.");
                }
            }
        }
        return warnings;
    }
}
