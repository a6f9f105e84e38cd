package dev.arbiter.app.common.charts;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * A chart, or in its place the reason there is none (no timestamp column, no data yet) — never
 * an empty chart on a made-up axis.
 */
public final class ChartPane extends StackPane {
    /** The colours every chart pane draws in; the window sets them with its theme. */
    private static final ObjectProperty<ChartColors> COLORS = new SimpleObjectProperty<>(ChartColors.LIGHT);

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
        COLORS.addListener(new WeakChangeListener<>(recolour));
    }

    private final ChangeListener<ChartColors> recolour = (obs, old, now) -> {
        if (viewer.getChart() != null) {
            now.apply(viewer.getChart());
        }
    };

    /** The colours of every chart pane, set by the window's theme. */
    public static ObjectProperty<ChartColors> colorsProperty() {
        return COLORS;
    }

    /** Shows {@code chart}. */
    public void show(JFreeChart chart) {
        COLORS.get().apply(chart);
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
