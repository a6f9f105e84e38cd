package dev.arbiter.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.app.common.Theme;
import dev.arbiter.app.common.settings.InMemorySettings;
import dev.arbiter.app.common.task.BackgroundTask;
import dev.arbiter.app.desktop.MainWindow;
import dev.arbiter.app.help.HelpPages;
import dev.arbiter.importers.experiment.ExperimentStore;
import dev.arbiter.importers.ingest.ImportMonitor;
import dev.arbiter.importers.ingest.ImportOptions;
import dev.arbiter.importers.workspace.Workspace;
import dev.arbiter.importers.workspace.WorkspaceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.scene.text.Text;
import javafx.stage.Stage;

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

            @Override
            public Workspace openSample(String name, ImportMonitor monitor) throws Exception {
                storeThreads.add(Thread.currentThread().getName());
                return files.openSample(name, monitor);
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
            robot.clickOn("#nav-" + section.name().toLowerCase(Locale.ROOT));
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
            if (context.isCancelled()) {
                throw new CancellationException("stopped");
            }
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
        TableView<?> datasets = robot.lookup("#datasets-table").queryTableView();
        assertTrue(datasets.isVisible());
        assertTrue(datasets.getItems().isEmpty());
        assertTrue(((Label) datasets.getPlaceholder()).getText().startsWith("No datasets yet: drop an export"));
        assertEquals("Opened " + file, text(robot, "#status-message"));
    }

    @Test
    void droppedExportIsPreviewedConfirmedAndListed(FxRobot robot) throws Exception {
        Path file = dir.resolve("w.arbiter");
        Workspace.create(file, "test").close();
        Path events = Files.writeString(dir.resolve("events.csv"),
                "variant,session_id,latency_ms,prompt\nsonnet,s1,812,hello\nhaiku,s2,455,hi\nsonnet,s3,790,hey\n");
        robot.interact(() -> window.model().openWorkspace(file));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.model().currentWorkspace() != null);
        robot.interact(() -> window.data().requestImport(List.of(events)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#role-grid").tryQuery().isPresent());
        ComboBox<?> latency = robot.lookup("#role-latency").queryComboBox();
        assertEquals("latency_ms", latency.getValue());
        assertEquals("events", ((TextField) robot.lookup("#import-dataset").query()).getText());
        robot.clickOn((Node) robot.lookup(".button").match(n -> n instanceof Button b
                && b.getText().equals("Import")).query());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.data().datasets().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Imported events.csv: 3 rows loaded, 0 rejected (1 warning, see Data)", text(robot, "#status-message"));
        TableView<?> datasets = robot.lookup("#datasets-table").queryTableView();
        assertEquals(1, datasets.getItems().size());
        assertEquals(List.of("latency_ms", "session_id", "variant"), window.data().datasets().get(0).columns().stream()
                .map(c -> c.name()).sorted().toList(), "the free-text prompt column is not stored");
    }

    @Test
    void runningImportShowsProgressAndCancelLeavesTheWorkspaceAsItWas(FxRobot robot) throws Exception {
        Path file = dir.resolve("w.arbiter");
        Workspace.create(file, "test").close();
        Path big = dir.resolve("big.csv");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             Statement s = c.createStatement()) {
            s.execute("COPY (SELECT i AS request_id, i % 2 AS variant, random() AS latency_ms FROM range(15000000) t(i)) TO '"
                    + big + "' (HEADER)");
        }
        robot.interact(() -> window.model().openWorkspace(file));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.model().currentWorkspace() != null);
        robot.interact(() -> window.data().importFiles(List.of(big.toString()),
                ImportOptions.defaults()));
        List<String> seen = new CopyOnWriteArrayList<>();
        try {
            WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> {
                String now = text(robot, "#status-message");
                if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(now)) {
                    seen.add(now);
                }
                return now.contains("rows/s");
            });
        } catch (TimeoutException e) {
            throw new AssertionError("the status bar showed " + seen, e);
        }
        ProgressBar bar = robot.lookup("#status-progress").query();
        // DuckDB gives a percentage for some phases of a CSV read and none (indeterminate bar) for others
        assertTrue(bar.isVisible() && (bar.getProgress() > 0 || bar.isIndeterminate()), "progress " + bar.getProgress());
        robot.clickOn("#status-cancel");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text(robot, "#status-message").equals("Importing big.csv — cancelled"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.model().currentWorkspace() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.data().datasets().isEmpty());
        assertTrue(window.data().history().isEmpty());
    }

    @Test
    void aSampleOpensFromTheMenuWithItsEventsAndExperiment(FxRobot robot) throws Exception {
        System.setProperty("arbiter.samples", dir.resolve("samples").toString());
        try {
            robot.clickOn("#menu-workspace").clickOn("#menu-samples").clickOn("#sample-support-bot");
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.model().currentWorkspace() != null);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(List.of("events"), window.model().workspaceProperty().get().datasets());
            assertTrue(storeThreads.stream().noneMatch(name -> name.contains("FX Application Thread")), storeThreads.toString());
            Path sample = dir.resolve("samples").resolve("test").resolve("support-bot.arbiter");
            assertEquals(sample, window.model().currentWorkspace().file());
            assertTrue(Files.exists(sample.resolveSibling("support-bot.experiment.json")));
            assertEquals("Support bot: Sonnet vs Haiku", new ExperimentStore(
                    window.model().currentWorkspace()).all().get(0).name());
            // opening the sample is followed by its analysis, in the background
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                    () -> text(robot, "#status-message").equals("Analysed Support bot: Sonnet vs Haiku: Segmented rollout"));
        } finally {
            System.clearProperty("arbiter.samples");
        }
    }

    @Test
    void analysisSectionsShowTheSampleOnceAnalysed(FxRobot robot) throws Exception {
        System.setProperty("arbiter.samples", dir.resolve("samples").toString());
        try {
            robot.interact(() -> window.model().openSample("support-bot"));
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                    () -> window.analysis().analysis().resultProperty().get() != null);
            WaitForAsyncUtils.waitForFxEvents();
            robot.clickOn("#nav-monitor");
            assertEquals(2, robot.lookup("#monitor-arms").queryTableView().getItems().size());
            assertTrue(text(robot, "#monitor-srm").startsWith("Sample ratio check"));
            robot.clickOn("#nav-results");
            assertTrue(robot.lookup("#results-table").queryTableView().getItems().size() >= 14);
            assertTrue(robot.lookup("#results-forest").tryQuery().isPresent());
            robot.clickOn("#nav-segments");
            assertEquals(3, robot.lookup("#segments-table").queryTableView().getItems().size(), "overall, complex, easy");
            robot.clickOn("#nav-guardrails");
            assertEquals(3, ((Pane) robot.lookup("#guardrail-cards").query()).getChildren().size());
            assertEquals("Support bot: Sonnet vs Haiku",
                    ((ComboBox<?>) robot.lookup("#experiment-chooser").query()).getValue());
        } finally {
            System.clearProperty("arbiter.samples");
        }
    }

    @Test
    void shortcutTogglesTheThemeAndTheChoiceIsKept(FxRobot robot) {
        String light = Application.getUserAgentStylesheet();
        robot.clickOn("#navigation");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Application.getUserAgentStylesheet().contains("dark"), Application.getUserAgentStylesheet());
        assertNotEquals(light, Application.getUserAgentStylesheet());
        robot.interact(() -> window.model().themeProperty().set(Theme.LIGHT));
        assertTrue(Application.getUserAgentStylesheet().contains("light"));
    }

    @Test
    void aboutDialogShowsVersionsAndLicences(FxRobot robot) throws Exception {
        robot.clickOn("Help").clickOn("About Arbiter");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#about-duckdb").tryQuery().isPresent(), "About shows at once");
        assertTrue(text(robot, "#about-arbiter").startsWith("0."), text(robot, "#about-arbiter"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text(robot, "#about-duckdb").startsWith("v"));
        assertTrue(text(robot, "#about-duckdb").matches("v\\d+\\.\\d+\\.\\d+ \\(JDBC [0-9.]+\\)"), text(robot, "#about-duckdb"));
        assertTrue(text(robot, "#about-javafx").startsWith("21."), text(robot, "#about-javafx"));
        TableView<?> libraries = robot.lookup("#about-libraries").queryTableView();
        assertTrue(libraries.getItems().size() >= 8);
        assertTrue(libraries.getItems().toString().contains("DuckDB JDBC"));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#about-content").tryQuery().isEmpty(), "About dialog should close on Escape");
    }

    @Test
    void sectionsHaveCtrlDigitShortcutsAndTheShortcutsPageListsEveryMenuAccelerator(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Section.RESULTS, window.model().sectionProperty().get());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT7).release(KeyCode.DIGIT7, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Section.DECISION, window.model().sectionProperty().get());

        String shortcuts = HelpPages.markdown(HelpPages.SHORTCUTS).orElseThrow();
        List<String> accelerators = new ArrayList<>();
        MenuBar bar = robot.lookup("#menu-bar").query();
        bar.getMenus().forEach(menu -> collectAccelerators(menu, accelerators));
        assertTrue(accelerators.size() >= 13, accelerators.toString());
        for (String keys : accelerators) {
            assertTrue(shortcuts.contains("| " + keys + " |"), keys + " is missing from docs/shortcuts.md");
        }
    }

    private static void collectAccelerators(Menu menu, List<String> into) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                collectAccelerators(sub, into);
            } else if (item.getAccelerator() != null) {
                into.add(item.getAccelerator().getDisplayText());
            }
        }
    }

    @Test
    void f1OpensTheBundledGettingStartedAndLinksMoveBetweenPages(FxRobot robot) throws Exception {
        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#help-pages").tryQuery().isPresent());
        ListView<HelpPages.Page> pages = robot.lookup("#help-pages").queryListView();
        assertEquals("Getting started", pages.getSelectionModel().getSelectedItem().title());
        assertTrue(pages.getItems().size() >= 10, pages.getItems().toString());
        assertTrue(helpText(robot).contains("Your first ten minutes, on the sample"), helpText(robot));
        robot.clickOn((Node) robot.lookup(".md-link").match(node -> ((Hyperlink) node).getText()
                .equals("samples.md")).query());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Sample experiments", pages.getSelectionModel().getSelectedItem().title());
        assertTrue(helpText(robot).contains("broken-split"), helpText(robot));
        robot.interact(() -> pages.getSelectionModel().select(pages.getItems().stream()
                .filter(page -> page.file().equals("screens.md")).findFirst().orElseThrow()));
        assertTrue(robot.lookup(".md-picture").queryAll().size() >= 6, "the screens page shows its pictures");
    }

    private static String helpText(FxRobot robot) {
        StringBuilder text = new StringBuilder();
        robot.lookup(".md-text").queryAll().forEach(node -> text.append(((Text) node).getText()));
        return text.toString();
    }

    private static String text(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return ((Label) node).getText();
    }
}
