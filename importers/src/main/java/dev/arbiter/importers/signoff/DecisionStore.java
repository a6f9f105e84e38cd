package dev.arbiter.importers.signoff;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.arbiter.importers.workspace.DocumentTable;
import dev.arbiter.importers.workspace.Workspace;
import dev.arbiter.importers.workspace.WorkspaceException;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Decisions saved in the workspace ({@code arbiter_decisions}: experiment name, the decision as JSON,
 * when it was saved). The Decision screen autosaves its draft here.
 */
public final class DecisionStore {
    /** The table; created on first save. */
    public static final String TABLE = "arbiter_decisions";

    private final DocumentTable documents;

    public DecisionStore(Workspace workspace) {
        this.documents = new DocumentTable(workspace, TABLE, "experiment", "decision", "saved_at");
    }

    /** Saves (or replaces) the decision of {@code record.experiment()}. */
    public void save(DecisionRecord record) throws WorkspaceException {
        try {
            documents.put(record.experiment(), DecisionFile.toJson(record));
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot save the decision on '" + record.experiment() + "': " + e.getMessage(), e);
        }
    }

    /** The saved decision on {@code experiment}, if any (a draft may be incomplete). */
    public Optional<DecisionRecord> get(String experiment) throws WorkspaceException {
        try {
            Optional<DocumentTable.Row> row = documents.get(experiment);
            return row.isEmpty() ? Optional.empty()
                    : Optional.of(JsonMapper.builder().build().readValue(row.get().document(), DecisionRecord.class));
        } catch (SQLException | IOException e) {
            throw new WorkspaceException("Cannot read the decision on '" + experiment + "': " + e.getMessage(), e);
        }
    }
}
