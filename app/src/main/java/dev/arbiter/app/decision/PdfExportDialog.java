package dev.arbiter.app.decision;

import java.util.function.Consumer;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Alert;
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
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** Paper size and, optionally, the key to sign with; then where to save the PDF. */
final class PdfExportDialog extends Dialog<PdfExport> {
    private final ChoiceBox<PaperSize> paper = new ChoiceBox<>();
    private final CheckBox sign = new CheckBox("Sign with my key (a PKCS#12 key store; New key… makes one)");
    private final TextField keyStore = new TextField();
    private final PasswordField password = new PasswordField();
    private final KeyMaker keyMaker;

    /** Makes a signing key: a name, a password and a file; calls back with the file once it is written. */
    @FunctionalInterface
    interface KeyMaker {
        void make(String name, char[] password, Path file, Consumer<Path> created);
    }

    PdfExportDialog(Window owner, KeyMaker keyMaker) {
        this.keyMaker = keyMaker;
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
        sign.setMinWidth(Region.USE_PREF_SIZE);
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
        Button create = new Button("New key…");
        create.setId("export-new-key");
        create.setOnAction(event -> newKey());
        create.disableProperty().bind(sign.selectedProperty().not());
        HBox keyRow = new HBox(6, keyStore, browse, create);
        HBox.setHgrow(keyStore, Priority.ALWAYS);
        return keyRow;
    }

    /**
     * A new self-signed key (as {@code arbiter keygen}): asks the signer's name, takes the password
     * typed below (it must not be empty), and where to save the key store.
     */
    private void newKey() {
        if (password.getText().isEmpty()) {
            new Alert(Alert.AlertType.INFORMATION, "Type the password for the new key first: it protects the key store.")
                    .showAndWait();
            return;
        }
        TextInputDialog name = new TextInputDialog(System.getProperty("user.name", ""));
        name.initOwner(getDialogPane().getScene().getWindow());
        name.setHeaderText("The name on the signature (e.g. Dana Analyst)");
        name.showAndWait().map(String::strip).filter(text -> !text.isEmpty()).ifPresent(signer -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save the new key store");
            chooser.setInitialFileName("me.p12");
            File file = chooser.showSaveDialog(getOwner());
            if (file != null) {
                keyMaker.make(signer, password.getText().toCharArray(), file.toPath(),
                        created -> keyStore.setText(created.toString()));
            }
        });
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
