package dev.arbiter.archfixture.importers;

import javafx.scene.control.Label;

/** Fixture that breaks the layer rule: an "importer" with a JavaFX control. */
public final class LeakyImporter {
    public Label status() {
        return new Label("importing");
    }
}
