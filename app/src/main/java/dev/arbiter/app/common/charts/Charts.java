package dev.arbiter.app.common.charts;

import org.jfree.chart.JFreeChart;
import java.text.DateFormat;
import java.text.SimpleDateFormat;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.ClusteredXYBarRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.xy.XIntervalSeries;
import org.jfree.data.xy.XIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Arbiter's charts as plain JFreeChart objects (no JavaFX), so the screens show them in a
 * ChartViewer and the PDF report draws the same charts as vectors.
 */
public final class Charts {
    /** Series colours, colour-blind safe (Okabe–Ito). */
    public static final List<Color> PALETTE = List.of(new Color(0, 114, 178), new Color(230, 159, 0),
            new Color(0, 158, 115), new Color(204, 121, 167), new Color(86, 180, 233), new Color(213, 94, 0));
    private static final Color WARNING = new Color(213, 94, 0);
    private static final Color GRID = new Color(0, 0, 0, 40);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private Charts() {
    }

    /**
     * A forest plot: one horizontal interval per row, top to bottom, with a reference line (0 for
     * effects, 1 for ratios).
     */
    public static JFreeChart forest(String axisLabel, List<ForestRow> rows, double reference) {
        String[] labels = new String[rows.size()];
        XIntervalSeriesCollection data = forestData(rows, labels);
        NumberAxis x = new NumberAxis(axisLabel);
        x.setAutoRangeIncludesZero(false);
        SymbolAxis y = new SymbolAxis(null, labels);
        y.setGridBandsVisible(false);
        XYPlot plot = new XYPlot(data, x, y, forestRenderer());
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.addDomainMarker(marker(reference, Color.GRAY));
        if (rows.stream().anyMatch(row -> Double.isFinite(row.estimate()))) {
            includeInRange(x, reference); // "no difference" always in view, or every interval looks significant
        }
        return styled(new JFreeChart(null, LABEL, plot, false));
    }

    /** The rows' intervals (flagged ones in a series of their own), top to bottom; fills in {@code labels}. */
    private static XIntervalSeriesCollection forestData(List<ForestRow> rows, String[] labels) {
        XIntervalSeries normal = new XIntervalSeries("effect");
        XIntervalSeries flagged = new XIntervalSeries("flagged");
        for (int i = 0; i < rows.size(); i++) {
            ForestRow row = rows.get(i);
            int y = rows.size() - 1 - i;
            labels[y] = row.label();
            if (Double.isFinite(row.estimate()) && Double.isFinite(row.lower()) && Double.isFinite(row.upper())) {
                (row.flagged() ? flagged : normal).add(row.estimate(), row.lower(), row.upper(), y);
            }
        }
        XIntervalSeriesCollection data = new XIntervalSeriesCollection();
        data.addSeries(normal);
        data.addSeries(flagged);
        return data;
    }

    private static XYErrorRenderer forestRenderer() {
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawYError(false);
        renderer.setErrorStroke(new BasicStroke(2f));
        renderer.setCapLength(6);
        renderer.setSeriesPaint(0, PALETTE.get(0));
        renderer.setSeriesPaint(1, WARNING);
        renderer.setDefaultLinesVisible(false);
        return renderer;
    }

    /**
     * Lines with shaded bands over days, one series per name, and optional horizontal threshold
     * and vertical "fired" day markers.
     */
    public static JFreeChart timeline(String axisLabel, Map<String, List<TimelinePoint>> series, Double threshold,
                                      LocalDate marked) {
        NumberAxis y = new NumberAxis(axisLabel);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(timelineData(series), dayAxis(), y, bandRenderer(series.size()));
        if (threshold != null) {
            includeInRange(y, threshold);
            plot.addRangeMarker(labelled(marker(threshold, WARNING),
                    threshold == 0 ? "no difference" : "threshold " + threshold, RectangleAnchor.TOP_LEFT, TextAnchor.BOTTOM_LEFT));
        }
        if (marked != null) {
            plot.addDomainMarker(labelled(marker(millis(marked), WARNING), "fired " + marked, RectangleAnchor.TOP_RIGHT,
                    TextAnchor.TOP_LEFT));
        }
        return styled(new JFreeChart(null, LABEL, plot, series.size() > 1));
    }

    /** Each series' finite points with their band (the point itself where a bound is missing). */
    private static YIntervalSeriesCollection timelineData(Map<String, List<TimelinePoint>> series) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        series.forEach((name, points) -> {
            YIntervalSeries line = new YIntervalSeries(name);
            for (TimelinePoint point : points) {
                if (Double.isFinite(point.value())) {
                    double low = Double.isFinite(point.lower()) ? point.lower() : point.value();
                    double high = Double.isFinite(point.upper()) ? point.upper() : point.value();
                    line.add(millis(point.day()), point.value(), low, high);
                }
            }
            data.addSeries(line);
        });
        return data;
    }

    private static DeviationRenderer bandRenderer(int series) {
        DeviationRenderer renderer = new DeviationRenderer(true, true);
        for (int i = 0; i < series; i++) {
            Color colour = PALETTE.get(i % PALETTE.size());
            renderer.setSeriesPaint(i, colour);
            renderer.setSeriesFillPaint(i, colour);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        renderer.setAlpha(0.18f);
        return renderer;
    }

    /** A warning marker with its label at {@code where} in the plot, the text anchored there at {@code anchor}. */
    private static ValueMarker labelled(ValueMarker marker, String label, RectangleAnchor where, TextAnchor anchor) {
        marker.setLabel(label);
        marker.setLabelFont(LABEL);
        marker.setLabelPaint(WARNING);
        marker.setLabelAnchor(where);
        marker.setLabelTextAnchor(anchor);
        marker.setLabelOffset(new RectangleInsets(4, 4, 4, 10)); // the label inside the plot, not cut at its edge
        return marker;
    }

    /**
     * Lines through (x, y) points, one per series name, with optional vertical and horizontal
     * markers (e.g. the planned n per arm and the target power).
     */
    public static JFreeChart lines(String xLabel, String yLabel, Map<String, List<double[]>> series, Double xMarker,
                                   Double yMarker) {
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach((name, points) -> {
            XYSeries line = new XYSeries(name, false, true);
            points.stream().filter(p -> Double.isFinite(p[1])).forEach(p -> line.add(p[0], p[1]));
            data.addSeries(line);
        });
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, PALETTE.get(i % PALETTE.size()));
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        return linesPlot(xLabel, yLabel, data, renderer, xMarker, yMarker, series.size() > 1);
    }

    private static JFreeChart linesPlot(String xLabel, String yLabel, XYSeriesCollection data,
            XYLineAndShapeRenderer renderer, Double xMarker, Double yMarker, boolean legend) {
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        if (xMarker != null) {
            plot.addDomainMarker(marker(xMarker, WARNING));
        }
        if (yMarker != null) {
            plot.addRangeMarker(marker(yMarker, Color.GRAY));
        }
        return styled(new JFreeChart(null, LABEL, plot, legend));
    }

    /**
     * Estimates with shaded interval bands over a numeric x (e.g. days since exposure): points
     * {@code {x, estimate, lower, upper}} per series, and a grey line at {@code reference}.
     */
    public static JFreeChart bands(String xLabel, String yLabel, Map<String, List<double[]>> series, double reference) {
        NumberAxis x = new NumberAxis(xLabel);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return bands(x, yLabel, series, reference);
    }

    /**
     * The same over named steps (replays, runs): point {@code {i, estimate, lower, upper}} sits at
     * {@code steps.get(i)}; no reference line.
     */
    public static JFreeChart bands(List<String> steps, String yLabel, Map<String, List<double[]>> series) {
        SymbolAxis x = new SymbolAxis(null, steps.toArray(String[]::new));
        x.setGridBandsVisible(false);
        return bands(x, yLabel, series, Double.NaN);
    }

    private static JFreeChart bands(NumberAxis x, String yLabel, Map<String, List<double[]>> series, double reference) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        series.forEach((name, points) -> {
            YIntervalSeries line = new YIntervalSeries(name);
            points.forEach(p -> line.add(p[0], p[1], p[2], p[3]));
            data.addSeries(line);
        });
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, bandRenderer(series.size()));
        if (Double.isFinite(reference)) {
            includeInRange(y, reference);
            plot.addRangeMarker(marker(reference, Color.GRAY));
        }
        return styled(new JFreeChart(null, LABEL, plot, series.size() > 1));
    }

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    /** A time axis ticking whole days (never hours: the data are daily), dated in the user's locale ("3 Mar"). */
    private static DateAxis dayAxis() {
        DateAxis axis = new DateAxis(null);
        DateFormat format = new SimpleDateFormat("d MMM", Locale.getDefault(Locale.Category.FORMAT));
        format.setTimeZone(UTC); // days are plotted at UTC midnight (millis): read them back the same way
        axis.setTimeZone(UTC);
        TickUnits units = new TickUnits();
        for (int days : new int[] {1, 2, 7, 14}) {
            units.add(new DateTickUnit(DateTickUnitType.DAY, days, format));
        }
        for (int months : new int[] {1, 3, 6}) {
            units.add(new DateTickUnit(DateTickUnitType.MONTH, months, format));
        }
        axis.setStandardTickUnits(units);
        return axis;
    }

    /** Daily counts per series as grouped bars. */
    public static JFreeChart dailyBars(String axisLabel, Map<String, Map<LocalDate, Long>> series) {
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach((name, days) -> {
            XYSeries bars = new XYSeries(name);
            days.forEach((day, count) -> bars.add(millis(day), count));
            data.addSeries(bars);
        });
        data.setIntervalWidth(86_400_000.0 * 0.8);
        XYPlot plot = new XYPlot(data, dayAxis(), new NumberAxis(axisLabel), barRenderer(series.size()));
        return styled(new JFreeChart(null, LABEL, plot, series.size() > 1));
    }

    private static XYBarRenderer barRenderer(int series) {
        XYBarRenderer renderer = new ClusteredXYBarRenderer(0.1, false);
        renderer.setShadowVisible(false);
        renderer.setBarPainter(new StandardXYBarPainter());
        for (int i = 0; i < series; i++) {
            renderer.setSeriesPaint(i, PALETTE.get(i % PALETTE.size()));
        }
        return renderer;
    }

    /** Widens an automatic axis so a threshold line is always in view, with a little room beyond it. */
    private static void includeInRange(NumberAxis axis, double value) {
        Range range = axis.getRange();
        if (range.contains(value)) {
            return;
        }
        Range wider = Range.expandToInclude(range, value);
        axis.setRange(Range.expand(wider, 0.05, 0.2));
    }

    private static ValueMarker marker(double at, Color colour) {
        ValueMarker marker = new ValueMarker(at, colour, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                new float[] {5, 4}, 0));
        marker.setLabelBackgroundColor(new Color(128, 128, 128, 40)); // reads on a light and a dark chart
        return marker;
    }

    private static JFreeChart styled(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
        styleAxes(plot);
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(LABEL);
            chart.getLegend().setFrame(BlockBorder.NONE);
            chart.getLegend().setItemLabelPadding(new RectangleInsets(2, 2, 2, 16)); // "sonnet   haiku", not "sonnet▮haiku"
        }
        return chart;
    }

    private static void styleAxes(XYPlot plot) {
        plot.getDomainAxis().setTickLabelFont(LABEL);
        plot.getRangeAxis().setTickLabelFont(LABEL);
        plot.getDomainAxis().setLabelFont(LABEL);
        plot.getRangeAxis().setLabelFont(LABEL);
    }

    private static double millis(LocalDate day) {
        return Date.from(day.atStartOfDay().toInstant(ZoneOffset.UTC)).getTime();
    }
}
