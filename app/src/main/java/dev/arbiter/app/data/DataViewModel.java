package dev.arbiter.app.data;

import dev.arbiter.app.common.task.BackgroundTask;
import dev.arbiter.app.common.task.TaskExecutor;
import dev.arbiter.app.shell.ShellViewModel;
import dev.arbiter.app.shell.StatusBarViewModel;
import dev.arbiter.importers.ingest.DatasetCatalog;
import dev.arbiter.importers.ingest.DatasetCatalog.DatasetInfo;
import dev.arbiter.importers.ingest.DatasetCatalog.ImportRecord;
import dev.arbiter.importers.ingest.DatasetCatalog.RejectedRow;
import dev.arbiter.importers.ingest.AlreadyImportedException;
import dev.arbiter.importers.ingest.ImportOptions;
import dev.arbiter.importers.ingest.ImportPreview;
import dev.arbiter.importers.ingest.Role;
import dev.arbiter.importers.ingest.RoleStore;
import dev.arbiter.importers.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Data section: what the open workspace holds (datasets, import history, rejected rows), and
 * the whole import flow: files dropped or chosen are previewed, the analyst confirms the roles, the
 * files are imported (the shell lends the workspace's file), a re-import is asked about. All
 * reading and writing happens off the UI thread.
 */
public final class DataViewModel {
    /** How many rejected rows the section lists; all of them go into the CSV export. */
    static final int REJECTS_SHOWN = 1000;
    private static final int PREVIEW_ROWS = 20;

    private final ShellViewModel shell;
    private final TaskExecutor executor;
    private final StatusBarViewModel status;
    private final ObservableList<DatasetInfo> datasets = FXCollections.observableArrayList();
    private final ObservableList<ImportRecord> history = FXCollections.observableArrayList();
    private final ObservableList<RejectedRow> rejects = FXCollections.observableArrayList();
    private final ObjectProperty<PendingImport> pending = new SimpleObjectProperty<>();
    private final ObjectProperty<ReimportQuestion> reimport = new SimpleObjectProperty<>();

    public DataViewModel(ShellViewModel shell, TaskExecutor executor, StatusBarViewModel status) {
        this.shell = shell;
        this.executor = executor;
        this.status = status;
        shell.workspaceProperty().addListener((obs, old, now) -> refresh());
    }

    /** What a catalog read returns. */
    private record Contents(List<DatasetInfo> datasets, List<ImportRecord> history, List<RejectedRow> rejects) {
    }

    /** Reloads the lists from the open workspace. */
    public void refresh() {
        Workspace workspace = shell.currentWorkspace();
        if (workspace == null) {
            datasets.clear();
            history.clear();
            rejects.clear();
            return;
        }
        executor.submit(BackgroundTask.of("Reading " + workspace.file().getFileName(), context -> {
            DatasetCatalog catalog = new DatasetCatalog(workspace);
            return new Contents(catalog.datasets(), catalog.history(), catalog.rejects(REJECTS_SHOWN));
        }).withOnSuccess(contents -> {
            datasets.setAll(contents.datasets());
            history.setAll(contents.history());
            rejects.setAll(contents.rejects());
        }).withSuccessMessage(contents -> null));
    }

    /** Files dropped on the window or chosen with Import…: previews the first, then waits for {@link #confirm}. */
    public void requestImport(List<Path> files) {
        if (files.isEmpty()) {
            return;
        }
        if (shell.currentWorkspace() == null) {
            status.show("Create or open a workspace first (Workspace menu), then drop the export again.",
                    StatusBarViewModel.Level.ERROR);
            return;
        }
        List<String> sources = files.stream().map(Path::toString).toList();
        executor.submit(BackgroundTask.of("Reading " + files.get(0).getFileName(),
                        context -> ImportPreview.of(sources.get(0), PREVIEW_ROWS))
                .withOnSuccess(preview -> pending.set(new PendingImport(sources, preview)))
                .withSuccessMessage(preview -> "Check the columns and roles of " + preview.source().displayName()));
    }

    /** The analyst confirmed the mapping: import. */
    public void confirm(ImportOptions options) {
        PendingImport current = pending.get();
        pending.set(null);
        if (current != null) {
            importFiles(current.sources(), options);
        }
    }

    /**
     * Imports {@code sources} into the open workspace as one background task with the file to itself
     * (the shell closes the analysis instance and reopens it whatever happens). Each file is all or
     * nothing; a file imported before is not imported again until the analyst says so
     * ({@link #reimportProperty}).
     */
    public void importFiles(List<String> sources, ImportOptions options) {
        if (sources.isEmpty()) {
            return;
        }
        String names = sources.size() == 1 ? Path.of(sources.get(0)).getFileName().toString() : sources.size() + " files";
        shell.withFileAccess("Importing " + names,
                (store, file, context) -> WorkspaceImport.run(store, file, sources, options, context),
                reports -> { }, error -> askAgainIfImportedBefore(error, sources, options), WorkspaceImport::summary);
    }

    private void askAgainIfImportedBefore(Throwable error, List<String> sources, ImportOptions options) {
        if (error instanceof AlreadyImportedException again) {
            reimport.set(new ReimportQuestion(sources, options, again.getMessage().substring(0,
                    again.getMessage().indexOf(" (SHA-256")) + " was already imported " + again.earlier() + "."));
        }
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

    /** The analyst closed the preview without importing. */
    public void dismiss() {
        pending.set(null);
        status.show("Import cancelled before anything was written.", StatusBarViewModel.Level.INFO);
    }

    /** Writes every rejected row to a CSV file. */
    public void exportRejects(Path csv) {
        Workspace workspace = shell.currentWorkspace();
        if (workspace == null) {
            return;
        }
        executor.submit(BackgroundTask.of("Exporting rejected rows", context -> new DatasetCatalog(workspace).exportRejects(csv))
                .withSuccessMessage(count -> "Exported " + count + " rejected rows to " + csv));
    }

    /** Changes a dataset's roles and reloads. */
    public void saveRoles(String dataset, Map<Role, String> roles) {
        Workspace workspace = shell.currentWorkspace();
        if (workspace == null) {
            return;
        }
        executor.submit(BackgroundTask.of("Saving roles of " + dataset, context -> {
            RoleStore.save(workspace, dataset, roles);
            return dataset;
        }).withOnSuccess(saved -> refresh()).withSuccessMessage(saved -> "Saved the roles of " + saved));
    }

    public ObservableList<DatasetInfo> datasets() {
        return datasets;
    }

    public ObservableList<ImportRecord> history() {
        return history;
    }

    public ObservableList<RejectedRow> rejects() {
        return rejects;
    }

    /** The import waiting for confirmation, or null. */
    public ObjectProperty<PendingImport> pendingProperty() {
        return pending;
    }
}
