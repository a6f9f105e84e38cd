package dev.arbiter.app.shell;

import dev.arbiter.app.common.AboutInfo;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Versions of Arbiter, Java, JavaFX and DuckDB, and the licences of the bundled libraries. */
final class AboutDialog extends Dialog<Void> {
    private final Label duckdb;

    AboutDialog(Window owner, AboutInfo info) {
        initOwner(owner);
        setTitle("About Arbiter");
        setHeaderText("Arbiter " + info.arbiterVersion()
                + "\nDecide A/B tests of LLMs in production, offline, on your own files.");
        GridPane versions = new GridPane();
        versions.setHgap(12);
        versions.setVgap(4);
        row(versions, 0, "Arbiter", info.arbiterVersion());
        row(versions, 1, "Java", info.javaVersion());
        row(versions, 2, "JavaFX", info.javafxVersion());
        duckdb = row(versions, 3, "DuckDB", info.duckdbVersion());
        VBox content = new VBox(12, versions, new Label("Bundled libraries"), libraries(info));
        content.setId("about-content");
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    }

    /** Shows the engine's version once it has been read. */
    void showEngineVersion(String version) {
        duckdb.setText(version);
    }

    private static Label row(GridPane grid, int row, String name, String value) {
        Label label = new Label(value);
        label.setId("about-" + name.toLowerCase(Locale.ROOT));
        grid.addRow(row, new Label(name), label);
        return label;
    }

    private static TableView<AboutInfo.Library> libraries(AboutInfo info) {
        TableView<AboutInfo.Library> table = new TableView<>();
        table.setId("about-libraries");
        table.getColumns().add(column("Library", 200, AboutInfo.Library::name));
        table.getColumns().add(column("Version", 90, AboutInfo.Library::version));
        table.getColumns().add(column("Licence", 270, AboutInfo.Library::licence));
        table.getItems().setAll(info.libraries());
        table.setPrefHeight(260);
        table.setPrefWidth(580);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    private static TableColumn<AboutInfo.Library, String> column(String title, double width,
                                                                Function<AboutInfo.Library, String> value) {
        TableColumn<AboutInfo.Library, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        return column;
    }
}
