package dev.arbiter.importers.statistics;

import dev.arbiter.importers.experiment.Filter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A {@link Filter} as an SQL condition: the column through {@code column} (its alias in the events'
 * CTE, or the quoted column itself), every value a bound parameter. "Not equal" keeps empty values
 * (an event without an error code is not a 429), as an analyst excluding a value expects.
 */
final class FilterSql {
    private FilterSql() {
    }

    /** The condition of {@code filter}, in parentheses. */
    static SqlQuery condition(Filter filter, UnaryOperator<String> column) {
        List<SqlQuery> parts = new ArrayList<>();
        if (filter.testsColumn()) {
            columnTests(filter, column.apply(filter.column()), parts);
        }
        if (filter.all() != null) {
            filter.all().forEach(each -> parts.add(condition(each, column)));
        }
        if (filter.any() != null && !filter.any().isEmpty()) {
            parts.add(joined(filter.any().stream().map(each -> condition(each, column)).toList(), " OR "));
        }
        return joined(parts, " AND ");
    }

    private static void columnTests(Filter filter, String c, List<SqlQuery> parts) {
        if (!filter.values().isEmpty()) {
            parts.add(new SqlQuery().sql(c + " IN ").values(filter.values()));
        }
        if (!filter.excluded().isEmpty()) {
            parts.add(new SqlQuery().sql("(" + c + " IS NULL OR " + c + " NOT IN ").values(filter.excluded()).sql(")"));
        }
        if (filter.isNull() != null) {
            parts.add(new SqlQuery().sql(c + (filter.isNull() ? " IS NULL" : " IS NOT NULL")));
        }
        for (Object[] bound : filter.bounds()) {
            parts.add(new SqlQuery().sql(c + " " + bound[0] + " ").value(bound[1]));
        }
    }

    private static SqlQuery joined(List<SqlQuery> parts, String operator) {
        SqlQuery joined = new SqlQuery().sql("(");
        for (int i = 0; i < parts.size(); i++) {
            joined.sql(i == 0 ? "" : operator).append(parts.get(i));
        }
        return joined.sql(parts.isEmpty() ? "TRUE)" : ")");
    }
}
