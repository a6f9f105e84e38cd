package dev.arbiter.app.shell;

import dev.arbiter.app.common.Theme;
import dev.arbiter.app.common.settings.RecentWorkspaces;
import dev.arbiter.app.common.settings.Settings;
import dev.arbiter.app.common.task.BackgroundTask;
import dev.arbiter.app.common.task.TaskContext;
import dev.arbiter.app.common.task.TaskExecutor;
import dev.arbiter.app.session.WorkspaceSession;
import dev.arbiter.importers.workspace.Workspace;
import dev.arbiter.importers.workspace.WorkspaceSummary;
import dev.arbiter.samples.SampleCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State and commands of the main window: the selected section, the open workspace, the theme
 * and the recent files. Workspace files are created, opened and closed off the UI thread.
 */
public final class ShellViewModel implements WorkspaceSession {
    private final TaskExecutor executor;
    private final WorkspaceStore store;
    private final RecentWorkspaces recents;

    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(Section.DATA);
    private final ObjectProperty<Theme> theme;
    private final ReadOnlyObjectWrapper<WorkspaceSummary> workspace = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final StringBinding title = Bindings.createStringBinding(() -> workspace.get() == null
            ? "Arbiter"
            : "Arbiter — " + workspace.get().name() + " (" + workspace.get().file() + ")", workspace);
    private final ObjectProperty<EmptyState> opening = new SimpleObjectProperty<>();
    private final ObjectBinding<EmptyState> selectedEmptyState =
            Bindings.createObjectBinding(() -> emptyState(section.get()), section, workspace, opening);
    private Workspace openWorkspace;

    public ShellViewModel(TaskExecutor executor, WorkspaceStore store, Settings settings) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.store = Objects.requireNonNull(store, "store");
        Objects.requireNonNull(settings, "settings");
        this.recents = new RecentWorkspaces(settings);
        this.theme = new SimpleObjectProperty<>(Theme.load(settings));
        this.theme.addListener((obs, old, now) -> now.save(settings));
        recentFiles.setAll(recents.list());
    }

    /** Creates a new workspace file and opens it. */
    public void createWorkspace(Path file) {
        submitOpening(EmptyStates.creating(file), BackgroundTask.of("Creating " + file.getFileName(),
                        context -> load(store.create(file)))
                .withSuccessMessage(loaded -> "Created " + loaded.summary().file()), loaded -> { }, () -> { });
    }

    /** Opens a workspace file; on failure the current workspace stays open. */
    public void openWorkspace(Path file) {
        if (openWorkspace != null && openWorkspace.file().equals(file.toAbsolutePath())) {
            return;
        }
        submitOpening(EmptyStates.opening(file), BackgroundTask.of("Opening " + file.getFileName(),
                        context -> load(store.open(file)))
                .withSuccessMessage(loaded -> "Opened " + loaded.summary().file()), loaded -> { }, () -> forgetIfGone(file));
    }

    /**
     * Opens a sample experiment's workspace (dev.arbiter.samples), creating it with the sample's
     * events and experiment the first time, in the background; then shows its Results, unless the
     * analyst went to another section meanwhile.
     */
    public void openSample(String name) {
        SampleCatalog.Sample sample = SampleCatalog.get(name);
        submitOpening(EmptyStates.openingSample(name, sample.title(), !store.hasSample(name)),
                BackgroundTask.of("Opening sample " + name,
                                context -> load(store.openSample(name, new TaskImportMonitor(context, name))))
                        .withSuccessMessage(loaded -> "Opened sample " + name + " (" + loaded.summary().file() + ")"),
                loaded -> {
                    if (section.get() == Section.DATA) {
                        section.set(Section.RESULTS);
                    }
                }, () -> { });
    }

    /**
     * Runs a task that opens a workspace, showing {@code state} while no workspace is open yet and
     * clearing it however the task ends; {@code opened} runs once the workspace replaced the last.
     */
    private void submitOpening(EmptyState state, BackgroundTask<Loaded> task, Consumer<Loaded> opened,
                               Runnable failed) {
        opening.set(state);
        executor.submit(task.withOnSuccess(loaded -> {
                    opening.set(null);
                    replaceWorkspace(loaded);
                    opened.accept(loaded);
                })
                .withOnFailure(error -> {
                    opening.set(null);
                    failed.run();
                })
                .withOnCancelled(() -> opening.set(null)));
    }

    /** The samples a user can open. */
    public List<SampleCatalog.Sample> samples() {
        return SampleCatalog.all();
    }

    /** Closes the open workspace, if any. */
    public void closeWorkspace() {
        if (openWorkspace == null) {
            return;
        }
        closeInBackground(openWorkspace);
        openWorkspace = null;
        workspace.set(null);
    }

    private void closeInBackground(Workspace closing) {
        executor.submit(BackgroundTask.of("Closing " + closing.file().getFileName(), context -> {
            closing.close();
            return closing.file();
        }).withSuccessMessage(file -> "Closed " + file));
    }

    private void forgetIfGone(Path file) {
        if (!Files.exists(file)) {
            recentFiles.setAll(recents.remove(file));
        }
    }

    /** Work done with the open workspace's file to itself, e.g. an import (see {@link #withFileAccess}). */
    @FunctionalInterface
    public interface FileWork<T> {
        T run(WorkspaceStore store, Path file, TaskContext context) throws Exception;
    }

    /**
     * Runs {@code work} as one background task with the open workspace's file to itself: the
     * analysis instance is closed first, and the workspace is reopened for analysis whatever happened
     * (success, failure or Cancel) before {@code succeeded} or {@code failed} run. Returns false, and
     * does nothing, when no workspace is open.
     */
    public <T> boolean withFileAccess(String title, FileWork<T> work, Consumer<T> succeeded, Consumer<Throwable> failed,
                                      Function<T, String> message) {
        if (openWorkspace == null) {
            return false;
        }
        Workspace analysis = openWorkspace;
        Path file = analysis.file();
        openWorkspace = null;
        AtomicReference<Loaded> reopened = new AtomicReference<>();
        Runnable restore = () -> {
            if (reopened.get() != null) {
                replaceWorkspace(reopened.get());
            }
        };
        executor.submit(BackgroundTask.of(title, context -> {
            analysis.close();
            try {
                return work.run(store, file, context);
            } finally {
                reopened.set(load(store.open(file)));
            }
        }).withOnSuccess(result -> {
            restore.run();
            succeeded.accept(result);
        }).withOnFailure(error -> {
            restore.run();
            failed.accept(error);
        }).withOnCancelled(restore).withSuccessMessage(message));
        return true;
    }

    @Override
    public Workspace currentWorkspace() {
        return openWorkspace;
    }

    /** Closes the workspace synchronously; called when the app exits. */
    public void shutdown() {
        if (openWorkspace != null) {
            openWorkspace.close();
            openWorkspace = null;
        }
    }

    /** The empty state the given section shows with what is loaded now. */
    public EmptyState emptyState(Section of) {
        if (workspace.get() == null && opening.get() != null) {
            return opening.get();
        }
        return EmptyStates.of(of, workspace.get());
    }

    record Loaded(Workspace workspace, WorkspaceSummary summary) {
    }

    private static Loaded load(Workspace opened) throws Exception {
        try {
            return new Loaded(opened, opened.summary());
        } catch (Exception e) {
            opened.close();
            throw e;
        }
    }

    private void replaceWorkspace(Loaded loaded) {
        if (openWorkspace != null) {
            closeInBackground(openWorkspace);
        }
        openWorkspace = loaded.workspace();
        workspace.set(loaded.summary());
        recentFiles.setAll(recents.add(loaded.summary().file()));
    }

    public ObjectProperty<Section> sectionProperty() {
        return section;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    @Override
    public ReadOnlyObjectProperty<WorkspaceSummary> workspaceProperty() {
        return workspace.getReadOnlyProperty();
    }

    /** The recent workspace files, most recent first. */
    public ObservableList<Path> recentFiles() {
        return recentFiles;
    }

    /** "Arbiter" or "Arbiter — name (path)". */
    public StringBinding titleBinding() {
        return title;
    }

    /** The empty state of the selected section, updated as the workspace changes. */
    public ObjectBinding<EmptyState> selectedEmptyState() {
        return selectedEmptyState;
    }
}
