package dev.arbiter.app.session;

import dev.arbiter.importers.workspace.Workspace;
import dev.arbiter.importers.workspace.WorkspaceSummary;
import javafx.beans.property.ReadOnlyObjectProperty;

/**
 * What the sections see of the window's open workspace: the workspace to read from and a property
 * that changes whenever another is opened, reopened after an import, or closed. The shell owns
 * opening and closing; sections only read (see docs/architecture.md).
 */
public interface WorkspaceSession {
    /** The open workspace for reading (analysis access), or null while none is open or an import runs. */
    Workspace currentWorkspace();

    /** The open workspace's summary (null when none is open); fires on every open, reopen and close. */
    ReadOnlyObjectProperty<WorkspaceSummary> workspaceProperty();
}
