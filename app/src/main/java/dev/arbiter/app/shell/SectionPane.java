package dev.arbiter.app.shell;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * The centre of the window: the selected section's title and purpose above its content. Until a
 * feature provides real content, the content is the section's empty state.
 */
final class SectionPane extends BorderPane {
    private final Label title = new Label();
    private final Label purpose = new Label();
    private final EmptyStateView emptyState;

    SectionPane(ShellViewModel model, EmptyStateView emptyState) {
        this.emptyState = emptyState;
        getStyleClass().add("section-pane");
        title.setId("section-title");
        title.getStyleClass().add("title-2");
        purpose.getStyleClass().add("text-muted");
        purpose.setWrapText(true);
        VBox header = new VBox(4, title, purpose);
        header.getStyleClass().add("section-header");
        header.setPadding(new Insets(16, 24, 12, 24));
        setTop(header);
        setCenter(emptyState);
        model.sectionProperty().addListener((obs, old, now) -> showHeader(now));
        model.selectedEmptyState().addListener((obs, old, now) -> emptyState.show(now));
        showHeader(model.sectionProperty().get());
        emptyState.show(model.selectedEmptyState().get());
    }

    private void showHeader(Section section) {
        title.setText(section.title());
        purpose.setText(section.purpose());
    }

    EmptyStateView emptyState() {
        return emptyState;
    }
}
