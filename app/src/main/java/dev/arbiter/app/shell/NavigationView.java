package dev.arbiter.app.shell;

import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/** The left navigation: the sections in the analyst's order, selectable by mouse and keyboard. */
final class NavigationView extends ListView<Section> {
    NavigationView(ShellViewModel model) {
        super(FXCollections.observableArrayList(Section.values()));
        setId("navigation");
        getStyleClass().add("navigation");
        setPrefWidth(190);
        setCellFactory(list -> new SectionCell());
        getSelectionModel().select(model.sectionProperty().get());
        getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.sectionProperty().set(now);
            }
        });
        model.sectionProperty().addListener((obs, old, now) -> getSelectionModel().select(now));
    }

    private static final class SectionCell extends ListCell<Section> {
        @Override
        protected void updateItem(Section section, boolean empty) {
            super.updateItem(section, empty);
            if (empty || section == null) {
                setText(null);
                setId(null);
            } else {
                setText((section.ordinal() + 1) + "   " + section.title());
                setId("nav-" + section.name().toLowerCase(Locale.ROOT));
            }
        }
    }
}
