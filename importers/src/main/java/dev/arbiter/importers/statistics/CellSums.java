package dev.arbiter.importers.statistics;

/**
 * Aggregates that add up (counts and sums), written twice: once per finest cell (arm and every
 * dimension's value), then over the cells per grouping set. Grouping sets straight over a million
 * units feed every unit to every set; over the cells they add up a few hundred rows
 * (docs/benchmarks.md).
 */
final class CellSums {
    private final SqlDialect dialect;
    private final StringBuilder cells = new StringBuilder();
    private final StringBuilder sets = new StringBuilder();

    /** @param dialect the engine's dialect, for {@link #exactSum} */
    CellSums(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /** {@code COUNT(*) AS alias}, then its sum. */
    CellSums count(String alias) {
        cells.append(", COUNT(*) AS ").append(alias);
        sets.append(", SUM(").append(alias).append(") AS ").append(alias);
        return this;
    }

    /** {@code SUM(expression) AS alias} of integers, then its sum. */
    CellSums sum(String expression, String alias) {
        cells.append(", SUM(").append(expression).append(") AS ").append(alias);
        sets.append(", SUM(").append(alias).append(") AS ").append(alias);
        return this;
    }

    /** The order-independent floating-point sum ({@link SqlDialect#exactSum}) of {@code expression}, then of those. */
    CellSums exactSum(String expression, String alias) {
        cells.append(", ").append(dialect.exactSum(expression)).append(" AS ").append(alias);
        sets.append(", ").append(dialect.exactSum(alias)).append(" AS ").append(alias);
        return this;
    }

    /** The select list of the cells' query. */
    String cells() {
        return cells.toString();
    }

    /** The select list of the grouping sets over the cells. */
    String sets() {
        return sets.toString();
    }
}
