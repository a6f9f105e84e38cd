package dev.arbiter.app.data;

import dev.arbiter.importers.ingest.AddedColumns;
import dev.arbiter.importers.ingest.ColumnInfo;
import dev.arbiter.importers.ingest.ColumnPrivacy;
import dev.arbiter.importers.ingest.ImportOptions;
import dev.arbiter.importers.ingest.ImportPreview;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Window;

/**
 * The mapping step: the first rows with their detected types, the role of each column (the
 * analyst confirms or changes them), the dataset name, and what to do with free text.
 */
final class ImportDialog extends Dialog<ImportOptions> {
    static final ButtonType IMPORT = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);
    private static final List<String> MODES = List.of("New dataset", "Append to existing dataset", "Replace existing dataset");
    /** The policies' words, in {@link ImportOptions.TextPolicy} order. */
    private static final List<String> TEXT = List.of("Leave out", "Keep as it is", "Store keyed hash (HMAC)",
            "Keep, e-mails/phones/cards masked");

    private final TextField dataset = new TextField();
    private final ChoiceBox<String> mode = new ChoiceBox<>();
    private final Map<String, ChoiceBox<String>> text = new LinkedHashMap<>();
    private final TextField fileColumn = new TextField();
    private final TextField rowId = new TextField();
    private final ChoiceBox<String> strayValues = new ChoiceBox<>();
    private static final List<String> STRAY = List.of("Stray word in a number column: reject its row",
            "Stray word in a number column: load it empty");

    ImportDialog(Window owner, PendingImport pending, Set<String> existingDatasets) {
        initOwner(owner);
        ImportPreview preview = pending.preview();
        setTitle("Import");
        setHeaderText(header(pending));
        RoleGrid roles = new RoleGrid(preview.columns().stream().map(ColumnInfo::name).toList(), preview.roles());
        VBox content = new VBox(10, form(preview, existingDatasets), textColumns(preview),
                new TitledPane("First rows", rows(preview)), new TitledPane("Column roles", roles));
        // on a short screen (a 768 px laptop) the content scrolls and the Import button stays in view
        ScrollPane scrolled = new ScrollPane(content);
        scrolled.setFitToWidth(true);
        scrolled.setPrefViewportHeight(Math.min(760, Screen.getPrimary().getVisualBounds().getHeight() - 190));
        getDialogPane().setContent(scrolled);
        getDialogPane().setPrefWidth(1040);
        getDialogPane().setStyle("-fx-max-width: 100000;"); // AtlantaFX caps dialog panes at 600 px in its stylesheet
        setResizable(true);
        getDialogPane().getButtonTypes().addAll(IMPORT, ButtonType.CANCEL);
        setResultConverter(button -> button != IMPORT ? null : options(roles));
    }

    /** What is imported: the file (or how many), its format, its columns and the reader's warnings. */
    private static String header(PendingImport pending) {
        ImportPreview preview = pending.preview();
        return "Import " + (pending.sources().size() == 1 ? preview.source().displayName()
                : pending.sources().size() + " files") + " — " + preview.source().format().label() + ", "
                + preview.columns().size() + " columns" + (preview.warnings().isEmpty() ? "" : "\n" + String.join("\n", preview.warnings()));
    }

    /** The dataset's name, new or appended to (appending when the name exists), and the free-text policy. */
    private GridPane form(ImportPreview preview, Set<String> existingDatasets) {
        dataset.setId("import-dataset");
        mode.getItems().setAll(MODES);
        mode.setId("import-mode");
        dataset.textProperty().addListener((obs, old, now) -> mode.setValue(modeFor(existingDatasets, now)));
        dataset.setText(preview.suggestedDataset());
        mode.setValue(modeFor(existingDatasets, dataset.getText()));
        for (ColumnPrivacy.Decision decision : preview.privacy()) {
            ChoiceBox<String> choice = new ChoiceBox<>();
            choice.getItems().setAll(TEXT);
            choice.setValue(TEXT.get(decision.policy().ordinal()));
            choice.setId("import-text-" + decision.column());
            text.put(decision.column(), choice);
        }
        return grid(preview);
    }

    /** Appending when the dataset exists, else a new one. */
    private static String modeFor(Set<String> existingDatasets, String name) {
        return existingDatasets.contains(name) ? MODES.get(1) : MODES.get(0);
    }

    private GridPane grid(ImportPreview preview) {
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(6);
        form.addRow(0, RoleGrid.label("Dataset"), dataset, mode);
        fileColumn.setPromptText("file name column");
        fileColumn.setId("import-file-column");
        rowId.setPromptText("row number column");
        rowId.setId("import-row-id");
        strayValues.getItems().setAll(STRAY);
        strayValues.setValue(STRAY.get(0));
        strayValues.setId("import-stray-values");
        form.addRow(1, RoleGrid.label("Add"), fileColumn, rowId, strayValues);
        return form;
    }

    /** What is stored of each text column (free text, labels, personal ids), scrolled when an export has many. */
    private TitledPane textColumns(ImportPreview preview) {
        GridPane choices = new GridPane();
        choices.setHgap(10);
        choices.setVgap(6);
        int row = 0;
        for (ColumnPrivacy.Decision decision : preview.privacy()) {
            choices.addRow(row++, text.get(decision.column()), RoleGrid.label(decision.column() + " — " + why(decision.reason())));
        }
        if (preview.privacy().isEmpty()) {
            choices.addRow(0, RoleGrid.label("No free-text column: every column is stored as it is."));
        }
        ScrollPane scroll = new ScrollPane(choices);
        scroll.setFitToWidth(true);
        scroll.setMaxHeight(170);
        scroll.setPrefViewportHeight(Math.min(160, 34.0 * Math.max(1, preview.privacy().size())));
        TitledPane pane = new TitledPane("Text columns — what is stored (personal data)", scroll);
        pane.setId("import-text-columns");
        return pane;
    }

    private ImportOptions options(RoleGrid roles) {
        return ImportOptions.defaults()
                .withDataset(dataset.getText().strip())
                .withMode(ImportOptions.Mode.values()[MODES.indexOf(mode.getValue())])
                .withColumnPolicies(chosenPolicies())
                .withAdded(new AddedColumns(blankToNull(fileColumn.getText()), Map.of(), blankToNull(rowId.getText())))
                .withRows(new ImportOptions.RowPolicy(STRAY.indexOf(strayValues.getValue()) == 1, false))
                .withExactRoles(roles.selected());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The policy chosen for each text column shown. */
    private Map<String, ImportOptions.TextPolicy> chosenPolicies() {
        Map<String, ImportOptions.TextPolicy> chosen = new LinkedHashMap<>();
        text.forEach((column, choice) -> chosen.put(column, ImportOptions.TextPolicy.values()[TEXT.indexOf(choice.getValue())]));
        return chosen;
    }

    private static String why(ColumnPrivacy.Reason reason) {
        return switch (reason) {
            case NAMED -> "named like free text (personal data)";
            case VALUES -> "its values read as free text (long, many distinct)";
            case NESTED -> "JSON values with free text inside";
            case FEW_VALUES -> "few distinct values: a label (version, model, category)";
            case PERSONAL_ID -> "e-mail addresses or personal numbers: hashed, still usable as an id";
            case CHOSEN -> "as chosen";
        };
    }

    private static TableView<List<String>> rows(ImportPreview preview) {
        TableView<List<String>> table = new TableView<>();
        table.setId("import-preview");
        for (int i = 0; i < preview.columns().size(); i++) {
            ColumnInfo column = preview.columns().get(i);
            int index = i;
            TableColumn<List<String>, String> tableColumn = new TableColumn<>(column.name() + "\n" + column.type());
            tableColumn.setCellValueFactory(cell -> new SimpleStringProperty(oneLine(cell.getValue().get(index))));
            tableColumn.setPrefWidth(110);
            table.getColumns().add(tableColumn);
        }
        table.getItems().setAll(preview.rows());
        table.setPrefHeight(200);
        return table;
    }

    /** Multi-line text on one line (↵ for line breaks), cut at 120 characters; null shown as NULL. */
    static String oneLine(String value) {
        if (value == null) {
            return "NULL";
        }
        String flat = value.replace("\r\n", " ↵ ").replace("\n", " ↵ ");
        return flat.length() > 120 ? flat.substring(0, 119) + "…" : flat;
    }
}
