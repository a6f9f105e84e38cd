package dev.arbiter.app.common.charts;

import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.XYPlot;

/**
 * The chart's background, text and grid colours for the window's theme: the charts follow a dark
 * window instead of staying white panels. The PDF keeps {@link Charts}' light colours.
 */
public enum ChartColors {
    LIGHT(Color.WHITE, new Color(36, 41, 47), new Color(0, 0, 0, 40)),
    DARK(new Color(13, 17, 23), new Color(201, 209, 217), new Color(255, 255, 255, 40));

    private final Color background;
    private final Color text;
    private final Color grid;

    ChartColors(Color background, Color text, Color grid) {
        this.background = background;
        this.text = text;
        this.grid = grid;
    }

    /** Recolours {@code chart} in place. */
    public void apply(JFreeChart chart) {
        chart.setBackgroundPaint(background);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(background);
        plot.setDomainGridlinePaint(grid);
        plot.setRangeGridlinePaint(grid);
        for (Axis axis : new Axis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
            axis.setTickLabelPaint(text);
            axis.setLabelPaint(text);
            axis.setAxisLinePaint(grid);
            axis.setTickMarkPaint(grid);
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setBackgroundPaint(background);
            chart.getLegend().setItemPaint(text);
        }
    }
}
