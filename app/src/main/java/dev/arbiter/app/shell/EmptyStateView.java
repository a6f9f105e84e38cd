package dev.arbiter.app.shell;

import atlantafx.base.theme.Styles;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;

/** Shows an {@link EmptyState}: what is missing, what to do, and buttons for the actions. */
final class EmptyStateView extends VBox {
    private final Label headline = new Label();
    private final Label detail = new Label();
    private final HBox actions = new HBox(8);
    private final ProgressIndicator working = new ProgressIndicator();
    private final Consumer<EmptyState.Action> onAction;

    EmptyStateView(Consumer<EmptyState.Action> onAction) {
        this.onAction = onAction;
        getStyleClass().add("empty-state");
        setAlignment(Pos.CENTER);
        setSpacing(12);
        headline.getStyleClass().addAll("title-3", "empty-state-headline");
        headline.setId("empty-state-headline");
        headline.setWrapText(true);
        headline.setMaxWidth(560);
        headline.setTextAlignment(TextAlignment.CENTER);
        detail.getStyleClass().add("empty-state-detail");
        detail.setId("empty-state-detail");
        detail.setWrapText(true);
        detail.setMaxWidth(560);
        actions.setAlignment(Pos.CENTER);
        working.setId("empty-state-working");
        working.setPrefSize(36, 36);
        working.managedProperty().bind(working.visibleProperty());
        getChildren().addAll(working, headline, detail, actions);
    }

    void show(EmptyState state) {
        headline.setText(state.headline());
        detail.setText(state.detail());
        actions.getChildren().setAll(state.actions().stream().map(this::button).toList());
        working.setVisible(state.busy());
    }

    private Button button(EmptyState.Action action) {
        Button button = new Button(action.label());
        button.setId("empty-action-" + action.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (action == EmptyState.Action.NEW_WORKSPACE) {
            button.getStyleClass().add(Styles.ACCENT);
        }
        button.setOnAction(event -> onAction.accept(action));
        return button;
    }
}
