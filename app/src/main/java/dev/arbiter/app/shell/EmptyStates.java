package dev.arbiter.app.shell;

import dev.arbiter.app.shell.EmptyState.Action;
import dev.arbiter.importers.workspace.WorkspaceSummary;
import java.util.List;

/**
 * Chooses each section's empty state from what is loaded. Honest by construction: it only
 * says what is missing and how to get it, and never shows a number.
 */
public final class EmptyStates {
    private static final List<Action> WORKSPACE_ACTIONS = List.of(Action.NEW_WORKSPACE, Action.OPEN_WORKSPACE,
            Action.OPEN_SAMPLE);

    private EmptyStates() {
    }

    /** The empty state of {@code section} when {@code workspace} (or null) is open and no experiment is. */
    public static EmptyState of(Section section, WorkspaceSummary workspace) {
        if (workspace == null) {
            return noWorkspace(section);
        }
        if (section == Section.DATA) {
            return dataOf(workspace);
        }
        return new EmptyState("No experiment in " + workspace.name(),
                section.title() + " needs an experiment: the arms, the assignment unit, one primary metric "
                        + "and its guardrails. " + (workspace.datasets().isEmpty()
                        ? "Import the experiment's events in Data first."
                        : "Define one on the workspace's data to see: " + lowerFirst(section.purpose())),
                workspace.datasets().isEmpty() ? List.of() : List.of(Action.NEW_EXPERIMENT));
    }

    private static EmptyState noWorkspace(Section section) {
        if (section == Section.DATA) {
            return new EmptyState("No workspace open",
                    "A workspace is one .arbiter file that holds the imported experiment events. "
                            + "Create one, open an existing file (also under Workspace → Open Recent), "
                            + "or open a sample experiment (Workspace → Open Sample) to see a full analysis.",
                    WORKSPACE_ACTIONS);
        }
        return new EmptyState("Nothing to show yet",
                section.title() + " needs a workspace with an experiment's events. "
                        + "Start in Data: create or open a workspace, or open a sample experiment.",
                WORKSPACE_ACTIONS);
    }

    private static EmptyState dataOf(WorkspaceSummary workspace) {
        if (workspace.datasets().isEmpty()) {
            return new EmptyState(workspace.name() + " has no datasets yet",
                    "Import the experiment's exported events (CSV, Parquet, JSON lines or an LLM trace export) "
                            + "into this workspace to begin.",
                    List.of());
        }
        int count = workspace.datasets().size();
        return new EmptyState(workspace.name() + ": " + count + (count == 1 ? " dataset" : " datasets"),
                String.join(", ", workspace.datasets()), List.of());
    }

    private static String lowerFirst(String text) {
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
