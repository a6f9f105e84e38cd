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

    private final ShellViewModel model;
    private final javafx.scene.Node dataView;

    SectionPane(ShellViewModel model, EmptyStateView emptyState, javafx.scene.Node dataView) {
        this.model = model;
        this.emptyState = emptyState;
        this.dataView = dataView;
        getStyleClass().add("section-pane");
        title.setId("section-title");
        title.getStyleClass().add("title-2");
        purpose.getStyleClass().add("text-muted");
        purpose.setWrapText(true);
        VBox header = new VBox(4, title, purpose);
        header.getStyleClass().add("section-header");
        header.setPadding(new Insets(16, 24, 12, 24));
        setTop(header);
        model.sectionProperty().addListener((obs, old, now) -> showHeader(now));
        model.sectionProperty().addListener((obs, old, now) -> showContent());
        model.workspaceProperty().addListener((obs, old, now) -> showContent());
        model.selectedEmptyState().addListener((obs, old, now) -> emptyState.show(now));
        showContent();
        showHeader(model.sectionProperty().get());
        emptyState.show(model.selectedEmptyState().get());
    }

    private void showHeader(Section section) {
        title.setText(section.title());
        purpose.setText(section.purpose());
    }

    /** Data has real content once a workspace is open; other sections show their empty state until their issue. */
    private void showContent() {
        boolean data = model.sectionProperty().get() == Section.DATA && model.workspaceProperty().get() != null;
        setCenter(data ? dataView : emptyState);
    }
}
