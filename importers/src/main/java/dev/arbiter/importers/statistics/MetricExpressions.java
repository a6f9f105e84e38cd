package dev.arbiter.importers.statistics;

import dev.arbiter.importers.experiment.Aggregate;
import dev.arbiter.importers.experiment.Filter;
import dev.arbiter.importers.experiment.Metric;

/**
 * Per-unit SQL expressions of one metric over the events of a unit (inside {@code GROUP BY unit}):
 * the unit value of a unit metric, the numerator and denominator of a ratio metric. Units with no
 * matching event get 0. Sums are the dialect's order-independent sums.
 */
final class MetricExpressions {
    private final EventSource source;
    private final SqlDialect dialect;

    MetricExpressions(EventSource source, SqlDialect dialect) {
        this.source = source;
        this.dialect = dialect;
    }

    /** The metric's filter as a condition, or null when it has none. */
    SqlQuery condition(Metric metric) {
        return condition(metric.where());
    }

    /** A filter as a condition, or null when there is none. */
    SqlQuery condition(Filter where) {
        return where == null ? null : FilterSql.condition(where, source::raw);
    }

    /** A unit metric's value per unit: the aggregate of a column over the unit's events matching {@code where}. */
    SqlQuery unitValue(Filter where, Aggregate aggregate, String column) {
        SqlQuery cond = condition(where);
        if (aggregate == Aggregate.COUNT && column == null) {
            return cond == null ? new SqlQuery().sql("COUNT(*)")
                    : new SqlQuery().sql("COUNT(CASE WHEN ").append(cond).sql(" THEN 1 END)");
        }
        return aggregated(aggregate, cond, source.number(column));
    }

    private SqlQuery aggregated(Aggregate aggregate, SqlQuery cond, String value) {
        return switch (aggregate) {
            case SUM -> coalesce(dialect.sumFunction(), inner(cond, value));
            case MEAN -> new SqlQuery().sql("COALESCE(").append(sumOf(inner(cond, value))).sql(" / NULLIF(COUNT(")
                    .append(inner(cond, value)).sql("), 0), 0)");
            case MAX -> coalesce("MAX", inner(cond, value));
            case MIN -> coalesce("MIN", inner(cond, value));
            case COUNT -> new SqlQuery().sql("COUNT(").append(inner(cond, value)).sql(")");
            case ANY -> new SqlQuery().sql("MAX(CASE WHEN ").append(both(cond, value + " <> 0")).sql(" THEN 1.0 ELSE 0.0 END)");
        };
    }

    /** A ratio metric's numerator per unit: Σ column over matching events. */
    SqlQuery numerator(Metric.Ratio metric) {
        return coalesce(dialect.sumFunction(), inner(condition(metric), source.number(metric.column())));
    }

    /**
     * A ratio metric's denominator per unit: Σ denominator column, or the number of matching events,
     * over events whose numerator is known.
     */
    SqlQuery denominator(Metric.Ratio metric) {
        String value = source.number(metric.column());
        SqlQuery counted = both(condition(metric), value + " IS NOT NULL");
        if (metric.denominator() == null) {
            return new SqlQuery().sql("COUNT(CASE WHEN ").append(counted).sql(" THEN 1 END)");
        }
        String denominator = source.number(metric.denominator());
        return new SqlQuery().sql("COALESCE(").append(sumOf(new SqlQuery().sql("CASE WHEN ").append(counted)
                .sql(" THEN " + denominator + " END"))).sql(", 0)");
    }

    private SqlQuery sumOf(SqlQuery inner) {
        return new SqlQuery().sql(dialect.sumFunction() + "(").append(inner).sql(")");
    }

    /** {@code COALESCE(function(inner), 0)}. */
    private static SqlQuery coalesce(String function, SqlQuery inner) {
        return new SqlQuery().sql("COALESCE(" + function + "(").append(inner).sql("), 0)");
    }

    private static SqlQuery inner(SqlQuery cond, String value) {
        return cond == null ? new SqlQuery().sql(value)
                : new SqlQuery().sql("CASE WHEN ").append(cond).sql(" THEN " + value + " END");
    }

    private static SqlQuery both(SqlQuery cond, String other) {
        return cond == null ? new SqlQuery().sql(other) : new SqlQuery().append(cond).sql(" AND " + other);
    }
}
