package dev.arbiter.app.decision;

import dev.arbiter.app.report.PaperSize;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** Paper size and, optionally, the key to sign with; then where to save the PDF. */
final class PdfExportDialog extends Dialog<PdfExport> {
    private final ChoiceBox<PaperSize> paper = new ChoiceBox<>();
    private final CheckBox sign = new CheckBox("Sign with my key (PKCS#12, e.g. from arbiter keygen)");
    private final TextField keyStore = new TextField();
    private final PasswordField password = new PasswordField();

    PdfExportDialog(Window owner) {
        initOwner(owner);
        setTitle("Export the decision PDF");
        setHeaderText("The report with the definition, the analysis and the decision attached.\n"
                + "A signed PDF shows any later change: check it with 'arbiter verify'.");
        getDialogPane().setContent(form());
        getDialogPane().setId("pdf-export");
        ButtonType save = new ButtonType("Save as…", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        getDialogPane().lookupButton(save).disableProperty().bind(sign.selectedProperty()
                .and(keyStore.textProperty().isEmpty()));
        setResultConverter(button -> button == save ? choose() : null);
    }

    /** Paper sizes by their names and dimensions. */
    private static final class PaperNames extends StringConverter<PaperSize> {
        @Override
        public String toString(PaperSize size) {
            return size == null ? "" : size == PaperSize.A4 ? "A4 (210 × 297 mm)" : "US Letter (8.5 × 11 in)";
        }

        @Override
        public PaperSize fromString(String text) {
            return PaperSize.parse(text.split(" ")[0].replace("US", "letter"));
        }
    }

    private GridPane form() {
        paper.getItems().setAll(PaperSize.values());
        paper.setConverter(new PaperNames());
        paper.setValue(DecisionViewModel.localPaper(Locale.getDefault()));
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Paper"), paper);
        form.add(sign, 0, 1, 2, 1);
        form.addRow(2, new Label("Key store"), keyRow());
        form.addRow(3, new Label("Password"), password);
        return form;
    }

    /** The key store's path and its Browse button, enabled while signing is chosen. */
    private HBox keyRow() {
        keyStore.setPromptText("me.p12");
        keyStore.setId("export-key-store");
        password.setId("export-password");
        Button browse = new Button("Browse…");
        browse.setOnAction(event -> browse());
        keyStore.disableProperty().bind(sign.selectedProperty().not());
        password.disableProperty().bind(sign.selectedProperty().not());
        browse.disableProperty().bind(sign.selectedProperty().not());
        HBox keyRow = new HBox(6, keyStore, browse);
        HBox.setHgrow(keyStore, Priority.ALWAYS);
        return keyRow;
    }

    private void browse() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Key store");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PKCS#12 key store", "*.p12", "*.pfx"));
        File file = chooser.showOpenDialog(getOwner());
        if (file != null) {
            keyStore.setText(file.getPath());
        }
    }

    private PdfExport choose() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the decision PDF");
        chooser.setInitialFileName(sign.isSelected() ? "decision-signed.pdf" : "decision.pdf");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
        File file = chooser.showSaveDialog(getOwner());
        if (file == null) {
            return null;
        }
        return new PdfExport(file.toPath(), paper.getValue(), sign.isSelected() ? Path.of(keyStore.getText().trim()) : null,
                password.getText().toCharArray());
    }
}
