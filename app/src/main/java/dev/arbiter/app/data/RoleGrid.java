package dev.arbiter.app.data;

import dev.arbiter.importers.ingest.Role;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

/** One row per role with a choice of column ("—" for none), pre-filled with the current roles. */
final class RoleGrid extends GridPane {
    static final String NONE = "—";
    private static final int COLUMNS = 3;
    private final Map<Role, ComboBox<String>> choices = new LinkedHashMap<>();

    RoleGrid(List<String> columns, Map<Role, String> current) {
        setHgap(10);
        setVgap(4);
        setId("role-grid");
        int row = 0;
        for (Role role : Role.values()) {
            if (role == Role.TEXT) {
                continue;
            }
            ComboBox<String> choice = new ComboBox<>(FXCollections.observableArrayList(columns));
            choice.getItems().add(0, NONE);
            choice.setValue(current.getOrDefault(role, NONE));
            choice.setId("role-" + role.key().replace('_', '-'));
            choice.setPrefWidth(170);
            choice.setMinWidth(Region.USE_PREF_SIZE); // a column name whole, not "us…"
            Label label = label(role.key());
            label.setTooltip(new Tooltip(role.description()));
            add(label, (row % COLUMNS) * 2, row / COLUMNS);
            add(choice, (row % COLUMNS) * 2 + 1, row / COLUMNS);
            choices.put(role, choice);
            row++;
        }
    }

    /** The chosen roles, leaving out those set to "—". */
    Map<Role, String> selected() {
        Map<Role, String> roles = new EnumMap<>(Role.class);
        choices.forEach((role, choice) -> {
            if (choice.getValue() != null && !choice.getValue().equals(NONE)) {
                roles.put(role, choice.getValue());
            }
        });
        return roles;
    }

    /** A label that keeps its full text. */
    static Label label(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    static String describe(Map<Role, String> roles) {
        return String.join(", ", roles.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey().key().toLowerCase(Locale.ROOT) + "=" + e.getValue()).toList());
    }
}
