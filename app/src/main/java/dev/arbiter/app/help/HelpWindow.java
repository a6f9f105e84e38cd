package dev.arbiter.app.help;

import dev.arbiter.app.help.HelpPages.Page;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The Help window: the bundled documentation, a page list on the left and the selected page on
 * the right. Links between pages stay in the window; links to the web go to {@code browser}.
 */
public final class HelpWindow {
    private final Stage stage = new Stage();
    private final ListView<Page> pages = new ListView<>();
    private final ScrollPane content = new ScrollPane();
    private final Label footer = new Label();
    private final Consumer<String> browser;

    /**
     * @param owner   the main window, whose stylesheets the help window shares
     * @param browser opens a web address in the system's browser
     */
    public HelpWindow(Window owner, Consumer<String> browser) {
        this.browser = browser;
        stage.initOwner(owner);
        stage.setTitle("Arbiter Help");
        pages.setId("help-pages");
        pages.getItems().setAll(HelpPages.all());
        pages.setPrefWidth(230);
        pages.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Page page, boolean empty) {
                super.updateItem(page, empty);
                setText(empty || page == null ? null : page.title());
            }
        });
        pages.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> render(now));
        content.setId("help-content");
        content.setFitToWidth(true);
        footer.setId("help-footer");
        footer.getStyleClass().addAll("text-muted", "help-footer");
        BorderPane root = new BorderPane(content, null, null, footer, pages);
        root.getStyleClass().add("help-window");
        Scene scene = new Scene(root, 1100, 760);
        scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
    }

    /** Shows the window on {@code file} (e.g. {@link HelpPages#GETTING_STARTED}) and brings it to front. */
    public void show(String file) {
        open(file);
        stage.show();
        stage.toFront();
    }

    /** The window's stage (for tests and for closing with the main window). */
    public Stage stage() {
        return stage;
    }

    private void open(String file) {
        HelpPages.find(file).ifPresentOrElse(page -> pages.getSelectionModel().select(page),
                () -> footer.setText(file + " is not bundled with the app: it is in the docs/ folder of Arbiter's source."));
    }

    private void render(Page page) {
        if (page == null) {
            return;
        }
        String markdown = HelpPages.markdown(page.file()).orElse("# " + page.title());
        content.setContent(new MarkdownView(markdown, this::picture, this::follow));
        content.setVvalue(0);
        footer.setText("docs/" + page.file() + ", bundled with this version of Arbiter");
    }

    private Optional<byte[]> picture(String path) {
        return HelpPages.bytes(path);
    }

    /** A link: another page opens here, a web address in the browser. */
    private void follow(String destination) {
        if (destination.startsWith("http://") || destination.startsWith("https://")) {
            browser.accept(destination);
            footer.setText("Opened " + destination + " in the browser.");
            return;
        }
        String file = destination.replaceFirst("#.*$", "").replaceFirst("^docs/", "");
        if (!file.isEmpty()) {
            open(file);
        }
    }
}
