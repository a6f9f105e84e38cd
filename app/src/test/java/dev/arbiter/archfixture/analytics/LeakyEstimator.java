package dev.arbiter.archfixture.analytics;

import dev.arbiter.archfixture.app.FixtureView;
import javafx.scene.control.Label;

/** Fixture that breaks the layer rule: "analytics" importing the app and JavaFX. */
public final class LeakyEstimator {
    public String estimate() {
        return FixtureView.name() + new Label("x").getText();
    }
}
