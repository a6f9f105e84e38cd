package dev.arbiter.importers.statistics;

import dev.arbiter.importers.Sql;
import dev.arbiter.importers.experiment.Assignments;
import dev.arbiter.importers.experiment.Experiment;
import dev.arbiter.importers.experiment.PriceTable;
import dev.arbiter.importers.ingest.ColumnInfo;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code ev} common table expression every metric query starts from: one row per event with
 * the arm and unit as text, the arm's index ({@code ai}: its place in the definition's arms, null
 * for events of other arms), the timestamp, and every column a metric reads, numbers as DOUBLE
 * PRECISION (true/false as 1/0), segments as text, under short aliases. Only events up to the
 * as-of date are included. The queries that scan every event group on {@code ai}: comparing small
 * integers per event is much cheaper than comparing arm names (docs/benchmarks.md).
 */
final class EventSource {
    private final Experiment definition;
    private final Map<String, ColumnInfo> columns;
    private final LocalDate asOf;
    private final Map<String, String> numericAliases = new LinkedHashMap<>();
    private final Map<String, String> rawAliases = new LinkedHashMap<>();
    private final Map<String, String> textAliases = new LinkedHashMap<>();

    EventSource(Experiment definition, List<ColumnInfo> columns, LocalDate asOf) {
        this.definition = definition;
        this.columns = new LinkedHashMap<>();
        columns.forEach(column -> this.columns.put(column.name(), column));
        this.asOf = asOf;
    }

    Experiment definition() {
        return definition;
    }

    boolean hasTimestamp() {
        return definition.timestampColumn() != null;
    }

    /** The alias of {@code column} as a number (true/false as 1/0); registers it for the CTE. */
    String number(String column) {
        return numericAliases.computeIfAbsent(column, c -> "n" + numericAliases.size());
    }

    /** The alias of {@code column} with its own type, for comparisons with bound values. */
    String raw(String column) {
        return rawAliases.computeIfAbsent(column, c -> "r" + rawAliases.size());
    }

    /** The alias of {@code column} as text (segments, models). */
    String text(String column) {
        return textAliases.computeIfAbsent(column, c -> "t" + textAliases.size());
    }

    /** {@code ev AS (SELECT ... FROM "dataset" WHERE unit IS NOT NULL [AND ts < as-of + 1 day])}. */
    SqlQuery cte() {
        return cte("");
    }

    /** {@link #cte()} with {@code between} after its name ({@link SqlDialect#computedWhereRead()}). */
    SqlQuery cte(String between) {
        SqlQuery query = new SqlQuery().sql("ev AS" + between + " (SELECT ").append(armAndIndex());
        query.sql(", CAST(").sql(Sql.identifier(definition.unitColumn())).sql(" AS VARCHAR) AS unit");
        if (hasTimestamp()) {
            query.sql(", ").sql(Sql.identifier(definition.timestampColumn())).sql(" AS ts");
        }
        numericAliases.forEach((column, alias) -> query.sql(", ").append(numeric(column)).sql(" AS " + alias));
        rawAliases.forEach((column, alias) -> query.sql(", ").sql(Sql.identifier(column)).sql(" AS " + alias));
        textAliases.forEach((column, alias) -> query.sql(", CAST(").sql(Sql.identifier(column)).sql(" AS VARCHAR) AS " + alias));
        return query.sql(" FROM ").sql(events()).sql(" WHERE ").append(rowsKept()).sql(")");
    }

    /**
     * The events table, or — with an assignment log — the events of assigned units joined to their
     * arm ({@code arbiter_arm}) and first exposure ({@code arbiter_exposed_at}); events of units
     * without an assignment are not in the experiment.
     */
    private String events() {
        String table = Sql.identifier(definition.dataset());
        if (definition.file().assignments() == null) {
            return table;
        }
        return "(SELECT e.*, x.arbiter_arm, x.arbiter_exposed_at FROM " + table + " AS e JOIN " + assignedArms()
                + " AS x ON CAST(e." + Sql.identifier(definition.unitColumn()) + " AS VARCHAR) = x.arbiter_unit) AS assigned";
    }

    /**
     * One row per assigned unit ({@code arbiter_unit, arbiter_arm, arbiter_exposed_at}): the arm of its
     * first exposure (ties by arm name). Without an exposure time, one row per unit and arm it was
     * assigned: a unit assigned to two arms then shows as a crossover and is excluded, as in the events.
     */
    String assignedArms() {
        Assignments a = definition.file().assignments();
        String unit = "CAST(" + Sql.identifier(a.unitColumnOr(definition.unitColumn())) + " AS VARCHAR)";
        String arm = "CAST(" + Sql.identifier(a.variantColumnOr(definition.variantColumn())) + " AS VARCHAR)";
        String assigned = " FROM " + Sql.identifier(a.dataset()) + " WHERE " + unit + " IS NOT NULL AND " + arm + " IS NOT NULL";
        if (a.timestampColumn() == null) {
            return "(SELECT DISTINCT " + unit + " AS arbiter_unit, " + arm + " AS arbiter_arm, NULL AS arbiter_exposed_at"
                    + assigned + ")";
        }
        String time = Sql.identifier(a.timestampColumn());
        return "(SELECT arbiter_unit, arbiter_arm, arbiter_exposed_at FROM (SELECT " + unit + " AS arbiter_unit, " + arm
                + " AS arbiter_arm, " + time + " AS arbiter_exposed_at, ROW_NUMBER() OVER (PARTITION BY " + unit + " ORDER BY "
                + time + ", " + arm + ") AS arbiter_rank" + assigned + " AND " + time + " IS NOT NULL) AS ranked "
                + "WHERE arbiter_rank = 1)";
    }

    /**
     * The arm of an event: its variant column, or with an assignment log the unit's assigned arm from
     * its first exposure on (an event before it is pre-period: no arm).
     */
    private String armOfEvent() {
        Assignments a = definition.file().assignments();
        if (a == null) {
            return "CAST(" + Sql.identifier(definition.variantColumn()) + " AS VARCHAR)";
        }
        if (a.timestampColumn() == null || !hasTimestamp()) {
            return "arbiter_arm";
        }
        String ts = Sql.identifier(definition.timestampColumn());
        return "(CASE WHEN arbiter_exposed_at IS NULL OR " + ts + " IS NULL OR " + ts + " >= arbiter_exposed_at "
                + "THEN arbiter_arm END)";
    }

    /** Events with a unit, matching the experiment's where, and before the end of the as-of day when there is one. */
    private SqlQuery rowsKept() {
        SqlQuery query = new SqlQuery().sql(Sql.identifier(definition.unitColumn())).sql(" IS NOT NULL");
        if (definition.file().where() != null) {
            query.sql(" AND ").append(FilterSql.condition(definition.file().where(), Sql::identifier));
        }
        if (asOf != null && hasTimestamp()) {
            query.sql(" AND ").sql(Sql.identifier(definition.timestampColumn())).sql(" < CAST(")
                    .value(asOf.plusDays(1).toString()).sql(" AS TIMESTAMP)");
        }
        return query;
    }

    /** {@code arm, CASE arm WHEN 'a' THEN 0 ... END AS ai}: the arm's name and index (null outside the experiment's arms). */
    private SqlQuery armAndIndex() {
        String arm = armOfEvent();
        SqlQuery query = new SqlQuery().sql(arm + " AS arm, CASE " + arm);
        List<String> arms = definition.arms();
        for (int i = 0; i < arms.size(); i++) {
            query.sql(" WHEN ").value(arms.get(i)).sql(" THEN " + i);
        }
        return query.sql(" END AS ai");
    }

    /** The index ({@code ai}) of a named arm of the experiment. */
    int armIndex(String arm) {
        int index = definition.arms().indexOf(arm);
        if (index < 0) {
            throw new IllegalArgumentException("not an arm of the experiment: " + arm);
        }
        return index;
    }

    /** The arm whose index ({@code ai}) a result row carries. */
    String armName(int index) {
        return definition.arms().get(index);
    }

    /** {@code arm IN (?, ?, ...)} over the experiment's arms. */
    SqlQuery inArms(String armExpression) {
        return new SqlQuery().sql(armExpression + " IN ").values(definition.arms());
    }

    private SqlQuery numeric(String column) {
        PriceTable prices = definition.priceTable();
        if (prices != null && column.equals(prices.column()) && !columns.containsKey(column)) {
            return cost(prices);
        }
        ColumnInfo info = columns.get(column);
        String quoted = Sql.identifier(column);
        if (info != null && info.isBoolean()) {
            return new SqlQuery().sql("CASE WHEN " + quoted + " THEN 1.0 WHEN NOT " + quoted + " THEN 0.0 END");
        }
        return new SqlQuery().sql("CAST(" + quoted + " AS DOUBLE PRECISION)");
    }

    /**
     * tokens_in × input price + tokens_out × output price (USD per 1M tokens), by model: the model's
     * own price, else — for a dated name such as {@code claude-sonnet-4-5-20250929} — the price of the
     * longest priced name it starts with followed by a date ({@code -YYYYMMDD}, {@code -YYYY-MM-DD},
     * or with {@code @}); standard SQL, so every dialect reads it the same.
     */
    private static SqlQuery cost(PriceTable prices) {
        SqlQuery query = new SqlQuery().sql("CASE");
        String model = "CAST(" + Sql.identifier(prices.modelColumn()) + " AS VARCHAR)";
        List<Map.Entry<String, PriceTable.Price>> byLength = prices.prices().entrySet().stream()
                .sorted(Map.Entry.<String, PriceTable.Price>comparingByKey(
                        (a, b) -> b.length() != a.length() ? b.length() - a.length() : a.compareTo(b))).toList();
        byLength.forEach(price -> query.sql(" WHEN " + model + " = ").value(price.getKey()).append(priced(prices, price.getValue())));
        byLength.forEach(price -> query.sql(" WHEN ").append(dated(model, price.getKey())).append(priced(prices, price.getValue())));
        return query.sql(" END");
    }

    /** {@code model} is {@code name} followed by a date: "-20250929", "@20250929", "-2025-09-29". */
    private static SqlQuery dated(String model, String name) {
        int n = name.length();
        return new SqlQuery().sql("(SUBSTRING(" + model + ", 1, " + n + ") = ").value(name)
                .sql(" AND SUBSTRING(" + model + ", " + (n + 1) + ", 1) IN ('-', '@') AND LENGTH(" + model + ") IN ("
                        + (n + 9) + ", " + (n + 11) + "))");
    }

    private static SqlQuery priced(PriceTable prices, PriceTable.Price price) {
        String in = "CAST(" + Sql.identifier(prices.tokensInColumn()) + " AS DOUBLE PRECISION)";
        String out = "CAST(" + Sql.identifier(prices.tokensOutColumn()) + " AS DOUBLE PRECISION)";
        return new SqlQuery().sql(" THEN (" + in + " * ").value(price.inputPerMillion())
                .sql(" + " + out + " * ").value(price.outputPerMillion()).sql(") / 1000000.0");
    }
}
