package dev.arbiter.app.shell;

import dev.arbiter.importers.workspace.WorkspaceSummary;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanExpression;
import javafx.geometry.Insets;
import javafx.scene.Node;
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
    private final Map<Section, Supplier<Node>> builders;
    private final Map<Section, Node> built = new EnumMap<>(Section.class);
    private final BooleanExpression hasExperiment;
    private final BooleanExpression analysing;
    private final BooleanExpression onWarehouse;

    /**
     * @param views         builds each section's content, the first time it is shown (so the window
     *                      opens without building screens nobody looked at yet); Data shows once a
     *                      workspace is open, the others once it holds an experiment
     * @param hasExperiment whether the open workspace holds an experiment
     * @param analysing     whether its experiments are being read or analysed
     * @param onWarehouse   whether the analysis shown reads a warehouse table (no workspace needed; issue 20)
     */
    SectionPane(ShellViewModel model, EmptyStateView emptyState, Map<Section, Supplier<Node>> views,
                BooleanExpression hasExperiment, BooleanExpression analysing, BooleanExpression onWarehouse) {
        this.model = model;
        this.emptyState = emptyState;
        this.builders = views;
        this.hasExperiment = hasExperiment;
        this.analysing = analysing;
        this.onWarehouse = onWarehouse;
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
        analysing.addListener((obs, old, now) -> showContent());
        onWarehouse.addListener((obs, old, now) -> showContent());
        model.selectedEmptyState().addListener((obs, old, now) -> showContent());
        showContent();
        showHeader(model.sectionProperty().get());
    }

    private void showHeader(Section section) {
        title.setText(section.title());
        purpose.setText(section.purpose());
    }

    /** A section's view once there is something real to show, else its empty state. */
    private void showContent() {
        Section section = model.sectionProperty().get();
        WorkspaceSummary workspace = model.workspaceProperty().get();
        boolean ready = section == Section.DATA ? workspace != null
                : (workspace != null || onWarehouse.get()) && hasExperiment.get();
        if (ready && builders.containsKey(section)) {
            setCenter(built.computeIfAbsent(section, key -> builders.get(key).get()));
            return;
        }
        boolean busy = section != Section.DATA && analysing.get();
        emptyState.show(busy && onWarehouse.get() ? EmptyStates.analysingTable()
                : busy && workspace != null ? EmptyStates.analysing(section, workspace)
                : model.selectedEmptyState().get());
        setCenter(emptyState);
    }
}
