package dev.arbiter.app.data;

import dev.arbiter.importers.ingest.ColumnInfo;
import dev.arbiter.importers.ingest.DatasetCatalog.DatasetInfo;
import dev.arbiter.importers.ingest.Role;
import java.util.Map;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

/** Edits the roles of an imported dataset. */
final class RolesDialog extends Dialog<Map<Role, String>> {
    RolesDialog(Window owner, DatasetInfo dataset) {
        initOwner(owner);
        setTitle("Column roles");
        setHeaderText("Roles of " + dataset.name() + ": which column is the arm, the unit, the outcome, ...");
        RoleGrid grid = new RoleGrid(dataset.columns().stream().map(ColumnInfo::name).toList(), dataset.roles());
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(button -> button == ButtonType.OK ? grid.selected() : null);
    }
}
