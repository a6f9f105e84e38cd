package dev.arbiter.importers.statistics;

import dev.arbiter.importers.experiment.Experiment;
import dev.arbiter.importers.ingest.ColumnInfo;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * With an assignment log: per arm, the units assigned to it that have no event in the experiment
 * (none after their exposure, matching its where, up to the as-of day). They are not in the
 * analysis — its units are those with events — so the analyst is told how many there are.
 */
final class AssignedWithoutEventsQuery {
    private AssignedWithoutEventsQuery() {
    }

    static Map<String, Long> run(Connection connection, Experiment definition, List<ColumnInfo> columns, LocalDate asOf)
            throws SQLException {
        Map<String, Long> unseen = new LinkedHashMap<>();
        if (definition.file().assignments() == null) {
            return unseen;
        }
        EventSource source = new EventSource(definition, columns, asOf);
        SqlQuery query = new SqlQuery().sql("WITH ").append(source.cte()).sql(", x AS " + source.assignedArms())
                .sql(" SELECT x.arbiter_arm, COUNT(*) FROM x WHERE ").append(source.inArms("x.arbiter_arm"))
                .sql(" AND NOT EXISTS (SELECT 1 FROM ev WHERE ev.unit = x.arbiter_unit AND ev.ai IS NOT NULL) GROUP BY x.arbiter_arm");
        query.forEachRow(connection, row -> unseen.put(row.getString(1), row.getLong(2)));
        return unseen;
    }
}
