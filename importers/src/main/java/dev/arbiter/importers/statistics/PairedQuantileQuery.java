package dev.arbiter.importers.statistics;

import dev.arbiter.analytics.ArmStatistics;
import dev.arbiter.analytics.PairedQuantile;
import dev.arbiter.importers.experiment.Metric;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Quantile metrics of a paired design (p95 latency of the answers): every answer's value by item
 * and arm — an eval set's answers, not billions of events — then per slice each arm's quantile over
 * the slice's items and each treatment paired with control on them ({@link PairedQuantile}).
 */
final class PairedQuantileQuery {
    private final EventSource source;
    private final MetricExpressions expressions;
    private final double alpha;

    PairedQuantileQuery(EventSource source, SqlDialect dialect, double alpha) {
        this.source = source;
        this.expressions = new MetricExpressions(source, dialect);
        this.alpha = alpha;
    }

    /**
     * @param metric   the quantile metric
     * @param segments per item, its segment values in the experiment's segment order (null: no such item)
     */
    Map<SliceKey, ArmStatistics> run(Connection connection, Metric.Quantile metric, Function<String, String[]> segments)
            throws SQLException {
        List<String> arms = source.definition().arms();
        Map<String, List<List<Double>>> byItem = new LinkedHashMap<>();
        query(metric).forEachRow(connection, row -> byItem.computeIfAbsent(row.getString("unit"), item -> emptyArms(arms.size()))
                .get(row.getInt("ai")).add(row.getDouble("v")));
        Map<SliceKey, ArmStatistics> statistics = new HashMap<>();
        slice(statistics, metric, byItem, null, null);
        List<String> columns = source.definition().segments();
        for (int k = 0; k < columns.size(); k++) {
            int column = k;
            Map<String, Map<String, List<List<Double>>>> byValue = new LinkedHashMap<>();
            byItem.forEach((item, values) -> {
                String[] itemSegments = segments.apply(item);
                byValue.computeIfAbsent(itemSegments == null ? null : itemSegments[column], v -> new LinkedHashMap<>())
                        .put(item, values);
            });
            byValue.forEach((value, items) -> slice(statistics, metric, items, columns.get(column), value));
        }
        return statistics;
    }

    private static List<List<Double>> emptyArms(int arms) {
        List<List<Double>> lists = new ArrayList<>();
        for (int i = 0; i < arms; i++) {
            lists.add(new ArrayList<>());
        }
        return lists;
    }

    /** {@code WITH ev AS (...) SELECT unit, ai, column AS v FROM ev WHERE ai IS NOT NULL AND v IS NOT NULL [AND where]}. */
    private SqlQuery query(Metric.Quantile metric) {
        String value = source.number(metric.column());
        SqlQuery condition = expressions.condition(metric);
        SqlQuery select = new SqlQuery().sql("SELECT unit, ai, " + value + " AS v FROM ev WHERE ai IS NOT NULL AND "
                + value + " IS NOT NULL");
        if (condition != null) {
            select.sql(" AND ").append(condition);
        }
        return new SqlQuery().sql("WITH ").append(source.cte()).sql(" ").append(select);
    }

    /** One slice (the whole arms, or one segment value): control's quantile, each treatment's paired with it. */
    private void slice(Map<SliceKey, ArmStatistics> statistics, Metric.Quantile metric, Map<String, List<List<Double>>> items,
                       String column, String value) {
        List<String> arms = source.definition().arms();
        PairedQuantile.Arm control = arm(items, 0, metric.probability());
        statistics.put(key(arms.get(0), column, value), new ArmStatistics.Quantile(control.quantile()));
        for (int arm = 1; arm < arms.size(); arm++) {
            PairedQuantile.Arm treatment = arm(items, arm, metric.probability());
            statistics.put(key(arms.get(arm), column, value), new ArmStatistics.PairedQuantiles(control, treatment));
        }
    }

    private PairedQuantile.Arm arm(Map<String, List<List<Double>>> items, int arm, double p) {
        double[][] byItem = items.values().stream()
                .map(arms -> arms.get(arm).stream().mapToDouble(Double::doubleValue).toArray()).toArray(double[][]::new);
        return PairedQuantile.arm(byItem, p, alpha);
    }

    private static SliceKey key(String arm, String column, String value) {
        return column == null ? SliceKey.arm(arm) : SliceKey.segment(arm, column, value);
    }
}
