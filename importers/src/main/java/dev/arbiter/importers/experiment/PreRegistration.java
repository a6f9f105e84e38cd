package dev.arbiter.importers.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.importers.workspace.DocumentTable;
import dev.arbiter.importers.workspace.Workspace;
import dev.arbiter.importers.workspace.WorkspaceException;
import java.io.IOException;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Pre-registration: an experiment's definition (metrics, MDE, α, rules, segments) locked with a
 * timestamp before its results are read ({@code arbiter_preregistrations}). A lock is final; every
 * later difference from the locked definition is a deviation, listed by key for the decision record.
 */
public final class PreRegistration {
    /** The table; created on first lock. */
    public static final String TABLE = "arbiter_preregistrations";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A locked definition and when it was locked. */
    public record Lock(ExperimentDefinition definition, OffsetDateTime lockedAt) {
    }

    private final DocumentTable documents;

    public PreRegistration(Workspace workspace) {
        this.documents = new DocumentTable(workspace, TABLE, "experiment", "definition", "locked_at");
    }

    /** Locks {@code definition}; refuses when the experiment was locked before (a lock is final). */
    public Lock lock(ExperimentDefinition definition) throws WorkspaceException {
        Optional<Lock> earlier = get(definition.name());
        if (earlier.isPresent()) {
            throw new WorkspaceException("Experiment '" + definition.name() + "' was locked on " + earlier.get().lockedAt()
                    + "; a lock is final, later changes are deviations.");
        }
        try {
            documents.put(definition.name(), ExperimentFile.toJson(definition));
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot lock '" + definition.name() + "': " + e.getMessage(), e);
        }
        return get(definition.name()).orElseThrow();
    }

    /** The lock of {@code experiment}, if it was locked. */
    public Optional<Lock> get(String experiment) throws WorkspaceException {
        try {
            Optional<DocumentTable.Row> row = documents.get(experiment);
            return row.isEmpty() ? Optional.empty() : Optional.of(new Lock(
                    ExperimentFile.parse(row.get().document(), "locked '" + experiment + "'"), row.get().writtenAt()));
        } catch (SQLException | IOException e) {
            throw new WorkspaceException("Cannot read the lock of '" + experiment + "': " + e.getMessage(), e);
        }
    }

    /** Every difference between the locked and the current definition, e.g. {@code primary.mde: 0.02 → 0.03}. */
    public static List<String> deviations(ExperimentDefinition locked, ExperimentDefinition current) {
        List<String> found = new ArrayList<>();
        diff("", JSON.valueToTree(locked), JSON.valueToTree(current), found);
        return found;
    }

    private static void diff(String path, JsonNode before, JsonNode after, List<String> found) {
        if (before == null || before.isNull()) {
            if (after != null && !after.isNull()) {
                found.add(label(path) + ": added " + after);
            }
            return;
        }
        if (after == null || after.isNull()) {
            found.add(label(path) + ": removed (was " + before + ")");
            return;
        }
        if (before.isObject() && after.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            before.fieldNames().forEachRemaining(keys::add);
            after.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                diff(path.isEmpty() ? key : path + "." + key, before.get(key), after.get(key), found);
            }
        } else if (before.isArray() && after.isArray() && before.size() == after.size()) {
            Iterator<JsonNode> a = before.elements();
            Iterator<JsonNode> b = after.elements();
            for (int i = 0; a.hasNext(); i++) {
                diff(path + "[" + i + "]", a.next(), b.next(), found);
            }
        } else if (!before.equals(after)) {
            found.add(label(path) + ": " + before + " → " + after);
        }
    }

    private static String label(String path) {
        return path.isEmpty() ? "definition" : path;
    }
}
