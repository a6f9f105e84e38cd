package dev.arbiter.app.shell;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** The status bar: message, progress of the running task and its Cancel button. */
final class StatusBarView extends HBox {
    StatusBarView(StatusBarViewModel model) {
        setId("status-bar");
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);
        setPadding(new Insets(4, 12, 4, 12));

        Label message = new Label();
        message.setId("status-message");
        message.textProperty().bind(model.messageProperty());
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        model.levelProperty().addListener((obs, old, now) -> styleMessage(message, now));

        ProgressBar progress = new ProgressBar();
        progress.setId("status-progress");
        progress.setPrefWidth(180);
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.runningProperty());
        progress.managedProperty().bind(model.runningProperty());

        Button cancel = new Button("Cancel");
        cancel.setId("status-cancel");
        cancel.getStyleClass().add(Styles.SMALL);
        cancel.visibleProperty().bind(model.runningProperty());
        cancel.managedProperty().bind(model.runningProperty());
        cancel.setOnAction(event -> model.cancel());

        getChildren().addAll(message, progress, cancel);
    }

    private static void styleMessage(Label message, StatusBarViewModel.Level level) {
        message.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
        switch (level) {
            case ERROR -> message.getStyleClass().add(Styles.DANGER);
            case SUCCESS -> message.getStyleClass().add(Styles.SUCCESS);
            default -> { }
        }
    }
}
