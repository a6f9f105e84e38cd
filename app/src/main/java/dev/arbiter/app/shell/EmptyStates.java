package dev.arbiter.app.shell;

import dev.arbiter.app.shell.EmptyState.Action;
import dev.arbiter.importers.workspace.WorkspaceSummary;
import java.nio.file.Path;
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

    /** While a sample's workspace opens: created from its events on the first launch, opened at once later. */
    public static EmptyState openingSample(String name, String title, boolean firstTime) {
        return EmptyState.working("Opening the " + name + " sample", title + ". " + (firstTime
                ? "First launch: creating its workspace from the sample's events (a few seconds, once); "
                + "its Results follow on their own."
                : "Opening its workspace; its Results follow on their own."));
    }

    /** While a warehouse table is analysed and no workspace is open (issue 20). */
    public static EmptyState analysingTable() {
        return EmptyState.working("Analysing the warehouse table",
                "The engine computes the aggregates; the results show here when they are back (Cancel in the status bar).");
    }

    /** While a workspace file opens. */
    public static EmptyState opening(Path file) {
        return EmptyState.working("Opening " + file.getFileName(),
                "Reading its datasets and experiments from " + file.toAbsolutePath().getParent() + ".");
    }

    /** While a new workspace file is created. */
    public static EmptyState creating(Path file) {
        return EmptyState.working("Creating " + file.getFileName(),
                "A new, empty workspace in " + file.toAbsolutePath().getParent() + ".");
    }

    /** While the open workspace's experiments are read and the selected one analysed. */
    public static EmptyState analysing(Section section, WorkspaceSummary workspace) {
        return EmptyState.working("Analysing " + workspace.name() + "…",
                section.title() + " shows as soon as the experiment's analysis is done: "
                        + lowerFirst(section.purpose()));
    }

    private static String lowerFirst(String text) {
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
