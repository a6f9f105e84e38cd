package dev.arbiter.archfixture.app;

import javafx.scene.control.Label;

/** Fixture that breaks the MVVM rule: a ViewModel that builds a node. */
public final class LeakyViewModel {
    public Label label() {
        return new Label("a ViewModel must not do this");
    }
}
