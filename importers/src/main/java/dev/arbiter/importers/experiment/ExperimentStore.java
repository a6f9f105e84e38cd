package dev.arbiter.importers.experiment;

import dev.arbiter.importers.workspace.DocumentTable;
import dev.arbiter.importers.workspace.Workspace;
import dev.arbiter.importers.workspace.WorkspaceException;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Experiment definitions saved in the workspace ({@code arbiter_experiments}: name, the definition
 * as JSON — the same text as an experiment file — and when it was saved), so a workspace carries its
 * experiments with its data.
 */
public final class ExperimentStore {
    /** The table; created on first save in workspaces that predate it. */
    public static final String TABLE = "arbiter_experiments";

    private final Workspace workspace;
    private final DocumentTable documents;

    public ExperimentStore(Workspace workspace) {
        this.workspace = workspace;
        this.documents = new DocumentTable(workspace, TABLE, "name", "definition", "saved_at");
    }

    /** Saves (or replaces) the definition under its name. */
    public void save(ExperimentDefinition definition) throws WorkspaceException {
        if (definition.name() == null || definition.name().isBlank()) {
            throw new WorkspaceException("An experiment needs a name to be saved.");
        }
        try {
            documents.put(definition.name(), ExperimentFile.toJson(definition));
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot save experiment '" + definition.name() + "': " + e.getMessage(), e);
        }
    }

    /** Every saved experiment, by name. */
    public List<ExperimentDefinition> all() throws WorkspaceException {
        List<ExperimentDefinition> definitions = new ArrayList<>();
        try {
            for (DocumentTable.Row row : documents.all()) {
                definitions.add(ExperimentFile.parse(row.document(), "experiment '" + row.key() + "'"));
            }
            return definitions;
        } catch (SQLException | IOException e) {
            throw new WorkspaceException("Cannot read the experiments of " + workspace.file() + ": " + e.getMessage(), e);
        }
    }

    /** The experiment called {@code name}, if saved. */
    public Optional<ExperimentDefinition> get(String name) throws WorkspaceException {
        return all().stream().filter(d -> name.equals(d.name())).findFirst();
    }
}
