package dev.arbiter.importers.statistics;

import dev.arbiter.importers.experiment.Experiment;
import dev.arbiter.importers.experiment.PriceTable;
import dev.arbiter.importers.ingest.ColumnInfo;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@link DataNotes} of an experiment's events: assigned units without events, models without a price. */
final class DataNotesQuery {
    private DataNotesQuery() {
    }

    static DataNotes run(Connection connection, Experiment definition, List<ColumnInfo> columns, LocalDate asOf)
            throws SQLException {
        return new DataNotes(assignedWithoutEvents(connection, definition, columns, asOf),
                unpricedModels(connection, definition, columns, asOf));
    }

    /**
     * With an assignment log: per arm, the units assigned to it that have no event in the experiment
     * (none after their exposure, matching its where, up to the as-of day). They are not in the
     * analysis — its units are those with events — so the analyst is told how many there are.
     */
    static Map<String, Long> assignedWithoutEvents(Connection connection, Experiment definition, List<ColumnInfo> columns,
                                                   LocalDate asOf) throws SQLException {
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

    /**
     * With a price table computing the cost: per served model, the experiment's events with tokens but
     * no price (their cost is empty, not 0), so the analyst can add the model to the table.
     */
    static Map<String, Long> unpricedModels(Connection connection, Experiment definition, List<ColumnInfo> columns,
                                            LocalDate asOf) throws SQLException {
        Map<String, Long> unpriced = new LinkedHashMap<>();
        PriceTable prices = definition.priceTable();
        if (prices == null || columns.stream().anyMatch(c -> c.name().equals(prices.column()))) {
            return unpriced;
        }
        EventSource source = new EventSource(definition, columns, asOf);
        String cost = source.number(prices.column());
        String model = source.text(prices.modelColumn());
        String tokens = source.number(prices.tokensInColumn());
        SqlQuery query = new SqlQuery().sql("WITH ").append(source.cte()).sql(" SELECT " + model + ", COUNT(*) FROM ev WHERE ai IS NOT NULL AND "
                + cost + " IS NULL AND " + model + " IS NOT NULL AND " + tokens + " IS NOT NULL GROUP BY " + model + " ORDER BY 2 DESC, 1");
        query.forEachRow(connection, row -> unpriced.put(row.getString(1), row.getLong(2)));
        return unpriced;
    }
}
