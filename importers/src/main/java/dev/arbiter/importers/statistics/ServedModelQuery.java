package dev.arbiter.importers.statistics;

import dev.arbiter.importers.experiment.Metric;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Results by the model that actually served each event, beside the assigned-arm analysis: per arm
 * and model, events, units and each metric's event-level value (mean of a unit metric's column,
 * Σnum/Σden of a ratio, the quantile). Descriptive: who gets the fallback is not random, so these
 * carry no intervals.
 */
final class ServedModelQuery {
    private final EventSource source;
    private final SqlDialect dialect;
    private final List<Metric> metrics;
    private final String modelColumn;

    ServedModelQuery(EventSource source, SqlDialect dialect, List<Metric> metrics, String modelColumn) {
        this.source = source;
        this.dialect = dialect;
        this.metrics = List.copyOf(metrics);
        this.modelColumn = modelColumn;
    }

    List<ServedModel> run(Connection connection) throws SQLException {
        List<ServedModel> rows = new ArrayList<>();
        query().forEachRow(connection, result -> rows.add(new ServedModel(result.getString("arm"), result.getString("model"),
                result.getLong("units"), result.getLong("events"), values(result))));
        return rows;
    }

    /** Per arm and model served: events, units and each metric over the model's events. */
    private SqlQuery query() {
        String model = source.text(modelColumn);
        SqlQuery select = new SqlQuery().sql(" SELECT arm, " + model + " AS model, COUNT(*) AS events, "
                + "COUNT(DISTINCT unit) AS units");
        MetricExpressions expressions = new MetricExpressions(source, dialect);
        for (int i = 0; i < metrics.size(); i++) {
            select.sql(", ").append(eventLevel(metrics.get(i), expressions)).sql(" AS v" + i);
        }
        return new SqlQuery().sql("WITH ").append(source.cte()).append(select)
                .sql(" FROM ev WHERE ").append(source.inArms("arm")).sql(" GROUP BY arm, " + model + " ORDER BY arm, events DESC");
    }

    /** A row's metric values by name; NaN where the model served no event the metric counts. */
    private Map<String, Double> values(ResultSet result) throws SQLException {
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < metrics.size(); i++) {
            Object value = result.getObject("v" + i);
            values.put(metrics.get(i).name(), value == null ? Double.NaN : ((Number) value).doubleValue());
        }
        return values;
    }

    /** A metric over the events a model served: its quantile, its ratio of sums, or the mean of its column. */
    private SqlQuery eventLevel(Metric metric, MetricExpressions expressions) {
        SqlQuery cond = expressions.condition(metric);
        String value = metric.column() == null ? "1.0" : source.number(metric.column());
        SqlQuery inner = cond == null ? new SqlQuery().sql(value)
                : new SqlQuery().sql("CASE WHEN ").append(cond).sql(" THEN " + value + " END");
        if (metric instanceof Metric.Quantile quantile) {
            return new SqlQuery().sql("PERCENTILE_CONT(" + SqlDialect.literal(quantile.probability()) + ") WITHIN GROUP (ORDER BY ")
                    .append(inner).sql(")");
        }
        if (metric instanceof Metric.Ratio ratio && ratio.denominator() != null) {
            return new SqlQuery().sql(dialect.sumFunction() + "(").append(inner).sql(") / NULLIF(" + dialect.sumFunction()
                    + "(CASE WHEN " + value + " IS NOT NULL THEN " + source.number(ratio.denominator()) + " END), 0)");
        }
        return new SqlQuery().sql("AVG(").append(inner).sql(")");
    }
}
