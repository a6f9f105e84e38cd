package dev.arbiter.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.app.common.settings.InMemorySettings;
import dev.arbiter.app.common.task.BackgroundTask;
import dev.arbiter.importers.workspace.Workspace;
import dev.arbiter.importers.workspace.WorkspaceException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window, headless under Monocle: navigation, status bar, workspace, theme, About. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private static final String FX_THREAD = "JavaFX Application Thread";

    @TempDir
    Path dir;

    private final List<String> storeThreads = new CopyOnWriteArrayList<>();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        WorkspaceStore files = WorkspaceStore.files("test");
        WorkspaceStore recording = new WorkspaceStore() {
            @Override
            public Workspace create(Path file) throws WorkspaceException {
                storeThreads.add(Thread.currentThread().getName());
                return files.create(file);
            }

            @Override
            public Workspace open(Path file) throws WorkspaceException {
                storeThreads.add(Thread.currentThread().getName());
                return files.open(file);
            }
        };
        window = MainWindow.show(stage, new InMemorySettings(), recording);
    }

    @Stop
    void stop() {
        window.stage().hide();
    }

    @Test
    void everySectionCanBeOpenedByMouseAndKeyboard(FxRobot robot) {
        for (Section section : Section.values()) {
            robot.clickOn("#nav-" + section.name().toLowerCase(java.util.Locale.ROOT));
            assertEquals(section.title(), text(robot, "#section-title"));
            assertEquals(section, window.model().sectionProperty().get());
            assertFalse(text(robot, "#empty-state-headline").isBlank());
        }
        robot.type(KeyCode.UP, 6);
        assertEquals("Data", text(robot, "#section-title"));
        assertEquals("No workspace open", text(robot, "#empty-state-headline"));
    }

    @Test
    void statusBarShowsARunningJobAndCancelsIt(FxRobot robot) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        robot.interact(() -> window.executor().submit(BackgroundTask.of("Scanning 10M events", context -> {
            context.onCancel(release::countDown);
            context.updateProgress(0.3);
            release.await(30, TimeUnit.SECONDS);
            return null;
        })));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#status-cancel").query().isVisible());
        assertTrue(robot.lookup("#status-progress").query().isVisible());
        robot.clickOn("#status-cancel");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> text(robot, "#status-message").equals("Scanning 10M events — cancelled"));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#status-progress").query().isVisible());
        assertFalse(robot.lookup("#status-cancel").query().isVisible());
    }

    @Test
    void openingAWorkspaceRunsOffTheFxThreadAndUpdatesTheWindow(FxRobot robot) throws Exception {
        Path file = dir.resolve("support-bot.arbiter");
        Workspace.create(file, "test").close();
        robot.interact(() -> window.model().openWorkspace(file));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.model().workspaceProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, storeThreads.size());
        assertNotEquals(FX_THREAD, storeThreads.get(0));
        assertEquals("Arbiter — support-bot (" + file + ")", window.stage().getTitle());
        assertEquals("support-bot has no datasets yet", text(robot, "#empty-state-headline"));
        assertEquals("Opened " + file, text(robot, "#status-message"));
    }

    @Test
    void shortcutTogglesTheThemeAndTheChoiceIsKept(FxRobot robot) {
        String light = Application.getUserAgentStylesheet();
        robot.clickOn("#navigation");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Application.getUserAgentStylesheet().contains("dark"), Application.getUserAgentStylesheet());
        assertNotEquals(light, Application.getUserAgentStylesheet());
        robot.interact(() -> window.model().themeProperty().set(dev.arbiter.app.common.Theme.LIGHT));
        assertTrue(Application.getUserAgentStylesheet().contains("light"));
    }

    @Test
    void aboutDialogShowsVersionsAndLicences(FxRobot robot) throws Exception {
        robot.clickOn("Help").clickOn("About Arbiter");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#about-duckdb").tryQuery().isPresent());
        assertTrue(text(robot, "#about-duckdb").startsWith("v"), text(robot, "#about-duckdb"));
        assertTrue(text(robot, "#about-javafx").startsWith("21."), text(robot, "#about-javafx"));
        javafx.scene.control.TableView<?> libraries = robot.lookup("#about-libraries").queryTableView();
        assertTrue(libraries.getItems().size() >= 8);
        assertTrue(libraries.getItems().toString().contains("DuckDB JDBC"));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#about-content").tryQuery().isEmpty(), "About dialog should close on Escape");
    }

    private static String text(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return ((Label) node).getText();
    }
}
