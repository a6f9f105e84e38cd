package dev.arbiter.app.shell;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * The centre of the window: the selected section's title and purpose above its content, or the
 * section's empty state while there is nothing real to show.
 */
final class SectionPane extends BorderPane {
    private final Label title = new Label();
    private final Label purpose = new Label();
    private final EmptyStateView emptyState;

    private final ShellViewModel model;
    private final java.util.Map<Section, javafx.scene.Node> views;
    private final javafx.beans.binding.BooleanExpression hasExperiment;

    /**
     * @param views         each section's content; Data shows once a workspace is open, the others
     *                      once it holds an experiment
     * @param hasExperiment whether the open workspace holds an experiment
     */
    SectionPane(ShellViewModel model, EmptyStateView emptyState, java.util.Map<Section, javafx.scene.Node> views,
                javafx.beans.binding.BooleanExpression hasExperiment) {
        this.model = model;
        this.emptyState = emptyState;
        this.views = views;
        this.hasExperiment = hasExperiment;
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
        hasExperiment.addListener((obs, old, now) -> showContent());
        model.selectedEmptyState().addListener((obs, old, now) -> emptyState.show(now));
        showContent();
        showHeader(model.sectionProperty().get());
        emptyState.show(model.selectedEmptyState().get());
    }

    private void showHeader(Section section) {
        title.setText(section.title());
        purpose.setText(section.purpose());
    }

    /** A section's view once there is something real to show, else its empty state. */
    private void showContent() {
        Section section = model.sectionProperty().get();
        javafx.scene.Node view = views.get(section);
        boolean ready = model.workspaceProperty().get() != null && (section == Section.DATA || hasExperiment.get());
        setCenter(view != null && ready ? view : emptyState);
    }
}
