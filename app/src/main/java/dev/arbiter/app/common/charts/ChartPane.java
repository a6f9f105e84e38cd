package dev.arbiter.app.common.charts;

import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * A chart, or in its place the reason there is none (no timestamp column, no data yet) — never
 * an empty chart on a made-up axis.
 */
public final class ChartPane extends StackPane {
    private final ChartViewer viewer = new ChartViewer();
    private final Label missing = new Label();

    /** @param id the chart's id (the viewer's; the reason's is {@code id-missing}) */
    public ChartPane(String id) {
        viewer.setId(id);
        missing.setId(id + "-missing");
        missing.setWrapText(true);
        missing.getStyleClass().add("text-muted");
        getStyleClass().add("chart-frame");
        getChildren().addAll(viewer, missing);
        showMissing("");
    }

    /** Shows {@code chart}. */
    public void show(JFreeChart chart) {
        viewer.setChart(chart);
        viewer.setVisible(true);
        missing.setVisible(false);
    }

    /** Shows why there is no chart instead of one. */
    public void showMissing(String why) {
        viewer.setVisible(false);
        missing.setText(why);
        missing.setVisible(true);
    }
}
