package dev.arbiter.app.common;

import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/** Column widths measured from the text a column shows: its header and every cell's value. */
public final class ColumnWidths {
    /** Room for a cell's padding and border. */
    private static final double CELL_PADDING = 28;
    /** Room for a header's padding, its label's own padding (headers are labels in labels) and border. */
    private static final double HEADER_PADDING = 56;

    private ColumnWidths() {
    }

    /** Keeps every column of {@code table} as wide as its widest text whenever its rows, columns or scene change. */
    public static <R> void fitToContent(TableView<R> table) {
        // one measurement per burst of changes (a table's columns are often added one by one)
        AtomicBoolean pending = new AtomicBoolean();
        Runnable fit = () -> {
            if (pending.compareAndSet(false, true)) {
                Platform.runLater(() -> {
                    pending.set(false);
                    fit(table);
                });
            }
        };
        table.itemsProperty().addListener((obs, old, now) -> {
            fit.run();
            if (now != null) {
                now.addListener((ListChangeListener<R>) change -> fit.run());
            }
        });
        if (table.getItems() != null) {
            table.getItems().addListener((ListChangeListener<R>) change -> fit.run());
        }
        table.getColumns().addListener((ListChangeListener<TableColumn<R, ?>>) change -> fit.run());
        table.sceneProperty().addListener((obs, old, now) -> fit.run());
    }

    /** Sets every leaf column's width to fit its widest text, measured in the table's own font. */
    static <R> void fit(TableView<R> table) {
        if (table.getScene() == null) {
            return;
        }
        table.applyCss();
        table.layout(); // the cells exist once laid out: their font is the one to measure with
        Font font = font(table);
        for (TableColumn<R, ?> column : table.getColumns()) {
            if (column.getColumns().isEmpty() && column.isVisible()) {
                double header = width(header(column), Font.font(font.getFamily(), FontWeight.BOLD, font.getSize()));
                column.setPrefWidth(Math.ceil(Math.max(header + HEADER_PADDING, widestCell(table, column, font) + CELL_PADDING)));
            }
        }
    }

    private static <R> double widestCell(TableView<R> table, TableColumn<R, ?> column, Font font) {
        double widest = 0;
        for (int row = 0; row < table.getItems().size(); row++) {
            Object value = column.getCellData(row);
            if (value != null) {
                widest = Math.max(widest, width(value.toString(), font));
            }
        }
        return widest;
    }

    private static String header(TableColumn<?, ?> column) {
        Node graphic = column.getGraphic();
        if (graphic instanceof Labeled label && label.getText() != null) {
            return label.getText();
        }
        return column.getText() == null ? "" : column.getText();
    }

    /** The font the table's cells are drawn in (the theme sets it on the table). */
    private static Font font(TableView<?> table) {
        Node cell = table.lookup(".table-cell");
        if (cell instanceof Labeled labeled) {
            return labeled.getFont();
        }
        Node header = table.lookup(".column-header .label");
        return header instanceof Labeled labeled ? labeled.getFont() : Font.getDefault();
    }

    private static double width(String text, Font font) {
        Text measured = new Text(text);
        measured.setFont(font);
        return measured.getLayoutBounds().getWidth();
    }
}
