package dev.arbiter.app.analysis;

import dev.arbiter.app.common.ColumnWidths;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/** Table columns of text with a header tooltip that explains the statistic in one sentence. */
public final class Tables {
    private Tables() {
    }

    public static <R> TableColumn<R, String> column(String title, String explanation, double width, Function<R, String> text) {
        TableColumn<R, String> column = new TableColumn<>();
        Label header = new Label(title);
        if (explanation != null) {
            Tooltip tip = new Tooltip(explanation);
            tip.setWrapText(true);
            tip.setMaxWidth(360);
            header.setTooltip(tip);
        }
        column.setGraphic(header);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }

    /**
     * A read-only table whose columns are as wide as their widest text, header included (it
     * scrolls sideways rather than cutting numbers or names).
     */
    public static <R> TableView<R> table(String id) {
        TableView<R> table = new TableView<>();
        table.setId(id);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getSelectionModel().setCellSelectionEnabled(false);
        ColumnWidths.fitToContent(table);
        return table;
    }
}
