package dev.arbiter.app.common;

import javafx.beans.binding.StringExpression;
import javafx.scene.control.Label;

/** Coloured banners over a section: a problem shown while there is one, a status red or green. */
public final class Banners {
    private static final String DANGER = "banner-danger";
    private static final String OK = "banner-ok";

    private Banners() {
    }

    /** A red banner showing {@code problem}, taking no room while it is null. */
    public static Label problem(StringExpression problem) {
        Label banner = new Label();
        banner.getStyleClass().add(DANGER);
        banner.setWrapText(true);
        banner.textProperty().bind(problem);
        banner.visibleProperty().bind(problem.isNotNull());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    /** Makes {@code banner} red when {@code bad}, else green. */
    public static void status(Label banner, boolean bad) {
        banner.getStyleClass().removeAll(DANGER, OK);
        banner.getStyleClass().add(bad ? DANGER : OK);
    }
}
