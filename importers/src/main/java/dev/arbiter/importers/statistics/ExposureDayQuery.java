package dev.arbiter.importers.statistics;

import dev.arbiter.importers.experiment.Metric;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import dev.arbiter.analytics.ArmStatistics;

/**
 * Unit and ratio metrics by days since each unit's first exposure (novelty and primacy effects):
 * for day k, every unit exposed at least k days before the last day of data is in the sample, and
 * its value is the metric over its events exactly k days after its first exposure (0 when it had
 * none, as units without a matching event count everywhere). Units seen in more than one arm are
 * left out. Covariates are not used here. One query: {@code per} aggregates events to (unit, k),
 * {@code agg} sums per arm and k over the units with events, and {@code n} counts the eligible units
 * from the units' first days.
 */
final class ExposureDayQuery {
    private final EventSource source;
    private final SqlDialect dialect;
    private final List<Metric.Adjustable> metrics;
    private final int maxDays;
    private final UnitMetricQuery columns;

    /** @param metrics unit and ratio metrics, their covariates ignored; {@code maxDays} the last k reported */
    ExposureDayQuery(EventSource source, SqlDialect dialect, List<Metric.Adjustable> metrics, int maxDays) {
        this.source = source;
        this.dialect = dialect;
        this.metrics = metrics.stream().map(Metric.Adjustable::withoutCovariate).toList();
        this.maxDays = maxDays;
        this.columns = new UnitMetricQuery(source, dialect, this.metrics, new Dimensions(source, List.of(), false));
    }

    SqlQuery build() {
        SqlQuery query = perUnitAndDay();
        CellSums sums = new CellSums(dialect);
        for (int i = 0; i < metrics.size(); i++) {
            UnitMetricQuery.sums(i, metrics.get(i), sums);
        }
        query.sql(sums.cells() + " FROM per GROUP BY arm, k)")
                .sql(", firsts AS (SELECT arm, CAST(first_ts AS DATE) AS first_day, COUNT(*) AS units FROM units GROUP BY arm, "
                        + "CAST(first_ts AS DATE))")
                .sql(", lastday AS (SELECT MAX(CAST(ts AS DATE)) AS day FROM ev WHERE ").append(source.inArms("arm")).sql(")")
                .sql(" SELECT agg.*, (SELECT SUM(f.units) FROM firsts f, lastday l WHERE f.arm = agg.arm AND "
                        + dialect.daysBetween("f.first_day", "l.day") + " >= agg.k) AS n FROM agg ORDER BY k, arm");
        return query;
    }

    /** The query up to {@code agg}'s select list: units, their events by day since exposure, per unit and day. */
    private SqlQuery perUnitAndDay() {
        SqlQuery perUnit = new SqlQuery();
        for (int i = 0; i < metrics.size(); i++) {
            columns.addPerUnit(i, metrics.get(i), perUnit, new SqlQuery(), new ArrayList<>());
        }
        String k = dialect.daysBetween("CAST(u.first_ts AS DATE)", "CAST(ev.ts AS DATE)");
        SqlQuery query = new SqlQuery().sql("WITH ").append(source.cte())
                .sql(", units AS (SELECT unit, MIN(arm) AS arm, MIN(ts) AS first_ts FROM ev WHERE ").append(source.inArms("arm"))
                .sql(" GROUP BY unit HAVING MIN(arm) = MAX(arm))")
                .sql(", ek AS (SELECT ev.*, " + k + " AS k FROM ev JOIN units u ON ev.unit = u.unit)")
                .sql(", per AS (SELECT unit, MIN(arm) AS arm, k").append(perUnit)
                .sql(" FROM ek WHERE k BETWEEN 0 AND " + maxDays + " GROUP BY unit, k)")
                .sql(", agg AS (SELECT arm, k, COUNT(*) AS active");
        return query;
    }

    ExperimentStatistics.ExposureDays run(Connection connection) throws SQLException {
        Map<Integer, Map<String, Map<String, ArmStatistics>>> byDay = new TreeMap<>();
        Map<Integer, Map<String, long[]>> units = new TreeMap<>();
        build().forEachRow(connection, rows -> {
            int day = rows.getInt("k");
            String arm = rows.getString("arm");
            units.computeIfAbsent(day, d -> new TreeMap<>()).put(arm, new long[] {rows.getLong("n"), rows.getLong("active")});
            for (int i = 0; i < metrics.size(); i++) {
                byDay.computeIfAbsent(day, d -> new TreeMap<>()).computeIfAbsent(metrics.get(i).name(), m -> new TreeMap<>())
                        .put(arm, columns.read(rows, i, metrics.get(i)));
            }
        });
        return new ExperimentStatistics.ExposureDays(byDay, units);
    }
}
