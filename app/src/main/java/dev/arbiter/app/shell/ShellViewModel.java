package dev.arbiter.app.shell;

import dev.arbiter.app.common.Theme;
import dev.arbiter.app.common.settings.RecentWorkspaces;
import dev.arbiter.app.common.settings.Settings;
import dev.arbiter.app.common.task.BackgroundTask;
import dev.arbiter.app.common.task.TaskExecutor;
import dev.arbiter.importers.workspace.Workspace;
import dev.arbiter.samples.SampleCatalog;
import dev.arbiter.importers.workspace.WorkspaceSummary;
import dev.arbiter.importers.ingest.AlreadyImportedException;
import dev.arbiter.importers.ingest.ImportOptions;
import dev.arbiter.importers.ingest.ImportReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicReference;
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
public final class ShellViewModel {
    private final TaskExecutor executor;
    private final WorkspaceStore store;
    private final RecentWorkspaces recents;

    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(Section.DATA);
    private final ObjectProperty<Theme> theme;
    private final ReadOnlyObjectWrapper<WorkspaceSummary> workspace = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final ObservableList<ImportReport> lastImport = FXCollections.observableArrayList();
    private final ObjectProperty<ReimportQuestion> reimport = new SimpleObjectProperty<>();
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
                                context -> load(store.openSample(name, WorkspaceImport.monitor(context, name))))
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
        if (!java.nio.file.Files.exists(file)) {
            recentFiles.setAll(recents.remove(file));
        }
    }

    /**
     * Imports {@code sources} into the open workspace as one background task: the analysis instance
     * is closed, the files are imported with file access, and the workspace is reopened for
     * analysis whatever happened (success, failure or Cancel). Each file is all or nothing.
     */
    public void importFiles(List<String> sources, ImportOptions options) {
        if (openWorkspace == null || sources.isEmpty()) {
            return;
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
        String names = sources.size() == 1 ? Path.of(sources.get(0)).getFileName().toString() : sources.size() + " files";
        executor.submit(BackgroundTask.of("Importing " + names, context -> {
            analysis.close();
            try {
                return WorkspaceImport.run(store, file, sources, options, context);
            } finally {
                reopened.set(load(store.open(file)));
            }
        }).withOnSuccess(reports -> {
            restore.run();
            lastImport.setAll(reports);
        }).withOnFailure(error -> {
            restore.run();
            if (error instanceof AlreadyImportedException again) {
                reimport.set(new ReimportQuestion(sources, options, again.getMessage().substring(0,
                        again.getMessage().indexOf(" (SHA-256")) + " was already imported " + again.earlier() + "."));
            }
        }).withOnCancelled(restore).withSuccessMessage(WorkspaceImport::summary));
    }

    /** An import refused because the file was imported before, waiting for the analyst's answer. */
    public record ReimportQuestion(List<String> sources, ImportOptions options, String message) {
    }

    /** Set when an import was refused as a re-import; the view asks, then calls {@link #answerReimport}. */
    public ObjectProperty<ReimportQuestion> reimportProperty() {
        return reimport;
    }

    /** The analyst's answer: import the same files again, or leave it. */
    public void answerReimport(boolean importAgain) {
        ReimportQuestion question = reimport.get();
        reimport.set(null);
        if (importAgain && question != null) {
            importFiles(question.sources(), question.options().withAllowReimport(true));
        }
    }

    /** The reports of the last successful import, for the Data section. */
    public ObservableList<ImportReport> lastImport() {
        return lastImport;
    }

    /** The open workspace for reading (analysis access), or null while none is open or an import runs. */
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
