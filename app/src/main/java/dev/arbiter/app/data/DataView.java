package dev.arbiter.app.data;

import dev.arbiter.app.common.ColumnWidths;
import atlantafx.base.theme.Styles;
import dev.arbiter.importers.ingest.DatasetCatalog.DatasetInfo;
import dev.arbiter.importers.ingest.DatasetCatalog.ImportRecord;
import dev.arbiter.importers.ingest.DatasetCatalog.RejectedRow;
import dev.arbiter.importers.ingest.ImportRecordFormat;
import java.io.File;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;

/** The Data section with a workspace open: datasets, import history, rejected rows, and the import actions. */
public final class DataView extends BorderPane {
    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.US);
    private final DataViewModel model;
    private final TableView<DatasetInfo> datasets = new TableView<>();

    public DataView(DataViewModel model) {
        this.model = model;
        setId("data-view");
        setTop(toolbar());
        TabPane tabs = new TabPane(new Tab("Datasets", datasetsTable()), new Tab("Import history", historyTable()),
                new Tab("Rejected rows", rejectsTable()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("data-tabs");
        setCenter(tabs);
        model.reimportProperty().addListener((obs, old, now) -> {
            if (now != null) {
                Platform.runLater(() -> askReimport(now));
            }
        });
        model.pendingProperty().addListener((obs, old, now) -> {
            if (now != null) {
                // after the preview task's callback has returned, so the status bar sees the task end
                Platform.runLater(() -> showImportDialog(now));
            }
        });
    }

    private HBox toolbar() {
        Button importButton = new Button("Import…");
        importButton.setId("data-import");
        importButton.getStyleClass().add(Styles.ACCENT);
        importButton.setTooltip(new Tooltip("Import CSV, Parquet, JSON lines or an LLM trace export; or drop files on the window"));
        importButton.setOnAction(event -> chooseFiles());
        Button roles = new Button("Edit roles…");
        roles.setId("data-edit-roles");
        roles.disableProperty().bind(datasets.getSelectionModel().selectedItemProperty().isNull());
        roles.setOnAction(event -> editRoles(datasets.getSelectionModel().getSelectedItem()));
        Button export = new Button("Export rejected rows…");
        export.setId("data-export-rejects");
        export.setOnAction(event -> exportRejects());
        HBox bar = new HBox(8, importButton, roles, export);
        bar.setPadding(new Insets(8, 12, 8, 12));
        bar.getStyleClass().add("data-toolbar");
        return bar;
    }

    private TableView<DatasetInfo> datasetsTable() {
        datasets.setId("datasets-table");
        ColumnWidths.fitToContent(datasets);
        datasets.setItems(model.datasets());
        datasets.setPlaceholder(new Label("No datasets yet: drop an export (CSV, Parquet, JSON lines or an LLM trace "
                + "export) anywhere on the window, or use Import…"));
        datasets.getColumns().setAll(List.of(
                column("Dataset", 160, DatasetInfo::name),
                column("Rows", 100, d -> COUNT.format(d.rows())),
                column("Columns", 70, d -> Integer.toString(d.columns().size())),
                column("Roles", 380, d -> RoleGrid.describe(d.roles())),
                column("Source files", 260, d -> d.imports().stream().map(ImportRecord::fileName).distinct()
                        .collect(Collectors.joining(", ")))));
        return datasets;
    }

    private TableView<ImportRecord> historyTable() {
        TableView<ImportRecord> table = new TableView<>(model.history());
        table.setId("history-table");
        ColumnWidths.fitToContent(table);
        table.setPlaceholder(new Label("No imports yet."));
        table.getColumns().setAll(List.of(
                column("#", 40, r -> Long.toString(r.importId())),
                column("Finished", 165, r -> ImportRecordFormat.when(r.finishedAt())),
                column("Dataset", 120, ImportRecord::dataset),
                column("File", 200, ImportRecord::fileName),
                column("Format", 70, ImportRecord::format),
                column("Read", 90, r -> COUNT.format(r.rowsRead())),
                column("Loaded", 90, r -> COUNT.format(r.rowsLoaded())),
                column("Rejected", 80, r -> COUNT.format(r.rowsRejected())),
                column("Duplicates", 80, r -> COUNT.format(r.duplicatesDropped())),
                column("SHA-256", 110, r -> r.sha256().substring(0, 12) + "…"),
                column("Warnings", 400, r -> String.join(" ", r.warnings()))));
        return table;
    }

    private TableView<RejectedRow> rejectsTable() {
        TableView<RejectedRow> table = new TableView<>(model.rejects());
        table.setId("rejects-table");
        ColumnWidths.fitToContent(table);
        table.setPlaceholder(new Label("No rejected rows: every row of every import was loaded."));
        table.getColumns().setAll(List.of(
                column("Import", 60, r -> Long.toString(r.importId())),
                column("File", 180, RejectedRow::fileName),
                column("Line", 70, r -> r.line() == null ? "" : COUNT.format(r.line())),
                column("Column", 110, r -> r.column() == null ? "" : r.column()),
                column("Raw text", 260, r -> r.rawText() == null ? "" : r.rawText()),
                column("Reason", 420, RejectedRow::reason)));
        return table;
    }

    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new SimpleObjectProperty<>(value.apply(cell.getValue())));
        return column;
    }

    private void chooseFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import experiment events");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Exports", "*.csv", "*.tsv", "*.csv.gz", "*.parquet", "*.json", "*.jsonl",
                        "*.ndjson"),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<File> files = chooser.showOpenMultipleDialog(getScene().getWindow());
        if (files != null) {
            model.requestImport(files.stream().map(File::toPath).toList());
        }
    }

    private void showImportDialog(PendingImport pending) {
        var existing = model.datasets().stream().map(DatasetInfo::name).collect(Collectors.toSet());
        new ImportDialog(getScene().getWindow(), pending, existing).showAndWait()
                .ifPresentOrElse(model::confirm, model::dismiss);
    }

    private void askReimport(DataViewModel.ReimportQuestion question) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION,
                question.message() + "\nImport it again?", ButtonType.YES, ButtonType.NO);
        alert.initOwner(getScene().getWindow());
        alert.setTitle("Already imported");
        alert.setHeaderText("This file was imported before");
        model.answerReimport(alert.showAndWait().filter(ButtonType.YES::equals).isPresent());
    }

    private void editRoles(DatasetInfo dataset) {
        new RolesDialog(getScene().getWindow(), dataset).showAndWait().ifPresent(roles -> model.saveRoles(dataset.name(), roles));
    }

    private void exportRejects() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export rejected rows");
        chooser.setInitialFileName("rejected-rows.csv");
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            model.exportRejects(Path.of(file.getPath()));
        }
    }
}
