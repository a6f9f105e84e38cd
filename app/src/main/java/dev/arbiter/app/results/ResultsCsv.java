package dev.arbiter.app.results;

import dev.arbiter.importers.CsvText;
import dev.arbiter.analytics.ArmValue;
import dev.arbiter.analytics.Effect;
import dev.arbiter.analytics.Interval;
import dev.arbiter.importers.result.ComparisonResult;
import dev.arbiter.importers.result.MetricResult;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The results as a CSV file for a spreadsheet: one row per metric and arm, every key repeated on
 * every row, numbers as numbers (full precision, intervals as lower and upper columns, empty where
 * there is none) rather than the screen's formatted text.
 */
final class ResultsCsv {
    static final String HEADER = "metric,role,arm,control,units,value,value_lower,value_upper,absolute_effect,"
            + "absolute_lower,absolute_upper,relative_effect,relative_lower,relative_upper,p_value,p_value_adjusted,"
            + "significant,status,method";

    private ResultsCsv() {
    }

    /** The header and a row per metric and arm of {@code metrics}. */
    static String of(List<MetricResult> metrics) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (MetricResult metric : metrics) {
            for (ArmValue arm : metric.arms()) {
                csv.append(String.join(",", row(metric, arm).stream().map(CsvText::field).toList())).append("\r\n");
            }
        }
        return csv.toString();
    }

    private static List<String> row(MetricResult metric, ArmValue arm) {
        ComparisonResult comparison = metric.comparison(arm.name());
        List<String> row = new ArrayList<>(List.of(metric.name(), metric.role().key(), arm.name(),
                Boolean.toString(comparison == null), Long.toString(arm.units()), number(arm.value())));
        row.addAll(bounds(arm.ci()));
        if (comparison == null) {
            Stream.generate(() -> "").limit(10).forEach(row::add);
            row.add("");
            return row;
        }
        row.addAll(effect(comparison.comparison().absolute()));
        row.addAll(effect(comparison.comparison().relative()));
        row.addAll(List.of(number(comparison.comparison().absolute().pValue()), number(comparison.pValueAdjusted()),
                comparison.comparison().absolute().available() ? Boolean.toString(comparison.significant()) : "",
                ResultsViewModel.status(comparison), comparison.comparison().method()));
        return row;
    }

    private static List<String> effect(Effect effect) {
        List<String> columns = new ArrayList<>(List.of(number(effect.estimate())));
        columns.addAll(bounds(effect.ci()));
        return columns;
    }

    private static List<String> bounds(Interval ci) {
        return ci == null ? List.of("", "") : List.of(number(ci.lower()), number(ci.upper()));
    }

    private static String number(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "";
    }
}
