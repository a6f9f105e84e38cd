package dev.arbiter.app.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.app.common.settings.InMemorySettings;
import dev.arbiter.app.common.task.DefaultTaskExecutor;
import dev.arbiter.app.shell.ShellViewModel;
import dev.arbiter.app.shell.StatusBarViewModel;
import dev.arbiter.app.shell.WorkspaceStore;
import dev.arbiter.importers.ingest.ImportOptions;
import dev.arbiter.importers.ingest.Role;
import java.nio.file.Files;
import dev.arbiter.importers.fixtures.SharedDatasets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Data section's logic without a robot: same-thread executor, real workspace and files. */
class DataViewModelTest {
    private static Path cookieCats() {
        return SharedDatasets.file("cookie_cats/cookie_cats.csv");
    }

    @TempDir
    Path dir;

    private final StatusBarViewModel status = new StatusBarViewModel();
    private final DefaultTaskExecutor executor = DefaultTaskExecutor.currentThread(status);
    private final ShellViewModel shell = new ShellViewModel(executor, WorkspaceStore.files("test"), new InMemorySettings());
    private final DataViewModel data = new DataViewModel(shell, executor, status);

    @AfterEach
    void close() {
        shell.shutdown();
    }

    @Test
    void previewThenConfirmImportsAndListsTheDataset() {
        shell.createWorkspace(dir.resolve("w.arbiter"));
        data.requestImport(List.of(cookieCats()));
        PendingImport pending = data.pendingProperty().get();
        assertEquals("cookie_cats", pending.preview().suggestedDataset());
        assertEquals(Map.of(Role.VARIANT, "version", Role.USER_ID, "userid"), pending.preview().roles());
        assertEquals(20, pending.preview().rows().size());
        data.confirm(ImportOptions.defaults().withDataset("cats").withExactRoles(pending.preview().roles()));
        assertNull(data.pendingProperty().get());
        assertEquals("Imported cookie_cats.csv: 90,189 rows loaded, 0 rejected", status.messageProperty().get());
        assertEquals(1, data.datasets().size());
        assertEquals("cats", data.datasets().get(0).name());
        assertEquals(90189, data.datasets().get(0).rows());
        assertEquals(1, data.history().size());
        assertTrue(shell.currentWorkspace() != null, "the workspace is open for analysis again");
    }

    @Test
    void failedImportReopensTheWorkspaceAndSaysWhy() throws Exception {
        shell.createWorkspace(dir.resolve("w.arbiter"));
        Path empty = Files.writeString(dir.resolve("empty.csv"), "variant,user_id\n");
        data.importFiles(List.of(empty.toString()), ImportOptions.defaults());
        assertEquals(StatusBarViewModel.Level.ERROR, status.levelProperty().get());
        assertTrue(status.messageProperty().get().contains("empty.csv has no data rows"), status.messageProperty().get());
        assertTrue(shell.currentWorkspace() != null);
        assertTrue(data.datasets().isEmpty());
    }

    @Test
    void rejectedRowsAreListedAndExported() throws Exception {
        shell.createWorkspace(dir.resolve("w.arbiter"));
        Path ragged = Files.writeString(dir.resolve("ragged.csv"), "variant,user_id,value\na,u1,1\nb,u2\na,u3,3\n");
        data.importFiles(List.of(ragged.toString()), ImportOptions.defaults());
        assertEquals(1, data.rejects().size());
        assertEquals(3L, data.rejects().get(0).line());
        Path csv = dir.resolve("rejects.csv");
        data.exportRejects(csv);
        assertEquals(2, Files.readAllLines(csv).size());
        assertEquals("Exported 1 rejected rows to " + csv, status.messageProperty().get());
    }

    @Test
    void rolesCanBeChangedAfterImport() throws Exception {
        shell.createWorkspace(dir.resolve("w.arbiter"));
        Path file = Files.writeString(dir.resolve("events.csv"), "flag,user_id,value\na,u1,1\nb,u2,2\n");
        data.importFiles(List.of(file.toString()), ImportOptions.defaults());
        assertEquals(Map.of(Role.USER_ID, "user_id"), data.datasets().get(0).roles());
        data.saveRoles("events", Map.of(Role.USER_ID, "user_id", Role.VARIANT, "flag"));
        assertEquals(Map.of(Role.USER_ID, "user_id", Role.VARIANT, "flag"), data.datasets().get(0).roles());
    }

    @Test
    void reimportIsRefusedUntilTheAnalystConfirms() {
        shell.createWorkspace(dir.resolve("w.arbiter"));
        data.importFiles(List.of(cookieCats().toString()), ImportOptions.defaults());
        data.importFiles(List.of(cookieCats().toString()), ImportOptions.defaults().withDataset("again"));
        DataViewModel.ReimportQuestion question = data.reimportProperty().get();
        assertTrue(question.message().startsWith("cookie_cats.csv was already imported into dataset 'cookie_cats'"),
                question.message());
        assertEquals(1, data.datasets().size());
        data.answerReimport(true);
        assertNull(data.reimportProperty().get());
        assertEquals(2, data.datasets().size());
        assertEquals(List.of("again", "cookie_cats"), data.datasets().stream().map(d -> d.name()).toList());
    }

    @Test
    void droppingWithoutAWorkspaceSaysWhatToDo() {
        data.requestImport(List.of(Path.of("cookie_cats.csv")));
        assertNull(data.pendingProperty().get());
        assertTrue(status.messageProperty().get().startsWith("Create or open a workspace first"));
    }
}
