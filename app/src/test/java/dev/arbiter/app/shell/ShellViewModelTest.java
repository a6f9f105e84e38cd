package dev.arbiter.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.app.common.Theme;
import dev.arbiter.app.common.settings.InMemorySettings;
import dev.arbiter.app.common.task.DefaultTaskExecutor;
import dev.arbiter.importers.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

class ShellViewModelTest {
    @TempDir
    Path dir;

    private final InMemorySettings settings = new InMemorySettings();
    private final StatusBarViewModel status = new StatusBarViewModel();
    private final ShellViewModel model = new ShellViewModel(DefaultTaskExecutor.currentThread(status),
            WorkspaceStore.files("test"), settings);

    @AfterEach
    void closeWorkspace() {
        model.shutdown();
    }

    @Test
    void createdWorkspaceBecomesCurrentAndRecent() {
        Path file = dir.resolve("checkout.arbiter");
        model.createWorkspace(file);
        assertTrue(Files.exists(file));
        assertEquals("checkout", model.workspaceProperty().get().name());
        assertEquals("Arbiter — checkout (" + file + ")", model.titleBinding().get());
        assertEquals(List.of(file), model.recentFiles());
        assertEquals("Created " + file, status.messageProperty().get());
    }

    @Test
    void failedOpenKeepsTheCurrentWorkspaceAndSaysWhy() {
        Path good = dir.resolve("good.arbiter");
        model.createWorkspace(good);
        model.openWorkspace(dir.resolve("gone.arbiter"));
        assertEquals("good", model.workspaceProperty().get().name());
        assertEquals(StatusBarViewModel.Level.ERROR, status.levelProperty().get());
        assertTrue(status.messageProperty().get().contains("gone.arbiter: the file does not exist"),
                status.messageProperty().get());
    }

    @Test
    void openingAnotherWorkspaceClosesThePreviousOneSoItCanBeReopened() throws Exception {
        Path first = dir.resolve("first.arbiter");
        Path second = dir.resolve("second.arbiter");
        Workspace.create(second, "test").close();
        model.createWorkspace(first);
        model.openWorkspace(second);
        assertEquals("second", model.workspaceProperty().get().name());
        try (Workspace reopened = Workspace.open(first)) {
            assertEquals("first", reopened.summary().name());
        }
        assertEquals(List.of(second, first), model.recentFiles());
    }

    @Test
    void closeEmptiesTheWorkspaceAndTheTitle() {
        model.createWorkspace(dir.resolve("w.arbiter"));
        model.closeWorkspace();
        assertNull(model.workspaceProperty().get());
        assertEquals("Arbiter", model.titleBinding().get());
        assertEquals(EmptyStates.of(Section.DATA, null), model.selectedEmptyState().get());
    }

    @Test
    void recentFileThatNoLongerExistsIsForgotten() throws Exception {
        Path file = dir.resolve("temp.arbiter");
        model.createWorkspace(file);
        model.closeWorkspace();
        Files.delete(file);
        model.openWorkspace(file);
        assertEquals(List.of(), model.recentFiles());
    }

    @Test
    void emptyStatesSayWhatIsMissingAndNeverShowNumbers() throws Exception {
        for (Section section : Section.values()) {
            EmptyState state = EmptyStates.of(section, null);
            assertEquals(List.of(EmptyState.Action.NEW_WORKSPACE, EmptyState.Action.OPEN_WORKSPACE,
                    EmptyState.Action.OPEN_SAMPLE), state.actions());
        }
        Path file = dir.resolve("shop.arbiter");
        model.createWorkspace(file);
        assertEquals("shop has no datasets yet", model.emptyState(Section.DATA).headline());
        model.sectionProperty().set(Section.RESULTS);
        assertEquals("No experiment in shop", model.selectedEmptyState().get().headline());
        assertTrue(model.selectedEmptyState().get().detail().contains("Import the experiment's events in Data first"));
        model.closeWorkspace();
        try (Workspace workspace = Workspace.open(file);
             Connection connection = workspace.newConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE events AS SELECT 1 AS x");
        }
        model.openWorkspace(file);
        assertEquals("shop: 1 dataset", model.emptyState(Section.DATA).headline());
        assertEquals("events", model.emptyState(Section.DATA).detail());
    }

    /** The work is held back until {@code run()}, so the state while it is under way can be read. */
    private static final class HeldWork implements Executor {
        private final List<Runnable> held = new ArrayList<>();

        @Override
        public void execute(Runnable work) {
            held.add(work);
        }

        void run() {
            List.copyOf(held).forEach(Runnable::run);
            held.clear();
        }
    }

    @Test
    void whileAWorkspaceOrSampleOpensEverySectionSaysSoAndNeverThatNoneIsOpen() throws Exception {
        HeldWork work = new HeldWork();
        System.setProperty("arbiter.samples", dir.resolve("samples").toString());
        try {
            ShellViewModel opening = new ShellViewModel(new DefaultTaskExecutor(work, Runnable::run, status),
                    WorkspaceStore.files("test"), settings);
            opening.openSample("support-bot");
            for (Section section : Section.values()) {
                opening.sectionProperty().set(section);
                EmptyState state = opening.selectedEmptyState().get();
                assertTrue(state.busy(), section + ": " + state);
                assertEquals("Opening the support-bot sample", state.headline());
                assertTrue(state.detail().contains("First launch: creating its workspace"), state.detail());
                assertEquals(List.of(), state.actions());
            }
            opening.sectionProperty().set(Section.DATA);
            work.run();
            assertEquals("support-bot", opening.workspaceProperty().get().name());
            assertEquals(Section.RESULTS, opening.sectionProperty().get(), "a sample opens on its Results");
            opening.closeWorkspace();
            work.run();
            assertEquals("No workspace open", opening.emptyState(Section.DATA).headline());

            opening.openSample("support-bot");
            assertTrue(opening.selectedEmptyState().get().detail().contains("Opening its workspace"),
                    "made once: later opens say so");
            work.run();
            opening.closeWorkspace();
            work.run();

            Path file = dir.resolve("gone.arbiter");
            opening.openWorkspace(file);
            assertEquals("Opening gone.arbiter", opening.selectedEmptyState().get().headline());
            work.run();
            assertEquals("No workspace open", opening.emptyState(Section.DATA).headline(), "a failed open ends the state");
        } finally {
            System.clearProperty("arbiter.samples");
        }
    }

    @Test
    void themeChoiceIsRemembered() {
        model.themeProperty().set(Theme.DARK);
        assertEquals(Theme.DARK, Theme.load(settings));
        ShellViewModel next = new ShellViewModel(DefaultTaskExecutor.currentThread(status), WorkspaceStore.files("t"),
                settings);
        assertEquals(Theme.DARK, next.themeProperty().get());
    }
}
