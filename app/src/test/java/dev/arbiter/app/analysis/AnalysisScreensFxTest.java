package dev.arbiter.app.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.app.common.settings.InMemorySettings;
import dev.arbiter.app.desktop.MainWindow;
import dev.arbiter.app.projection.Format;
import dev.arbiter.app.results.ResultRow;
import dev.arbiter.app.shell.WorkspaceStore;
import dev.arbiter.importers.analysis.ExperimentAnalyzer;
import dev.arbiter.importers.experiment.ExperimentDefinition;
import dev.arbiter.importers.experiment.ExperimentStore;
import dev.arbiter.importers.result.ExperimentResult;
import dev.arbiter.importers.workspace.Workspace;
import dev.arbiter.samples.SampleWorkspaces;
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
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

/**
 * The analysis screens in a real (headless) window: the numbers shown are arbiter analyze's, an
 * edited input updates the view, the experiment editor checks and saves, and the analysis of a
 * 1M-event workspace runs off the UI thread.
 */
@ExtendWith(ApplicationExtension.class)
class AnalysisScreensFxTest {
    @TempDir
    static Path dir;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        System.setProperty("arbiter.samples", dir.resolve("samples").toString());
        window = MainWindow.show(stage, new InMemorySettings(), WorkspaceStore.files("test"));
    }

    @Stop
    void stop() {
        window.stage().hide();
        System.clearProperty("arbiter.samples");
    }

    private ExperimentResult openSample(FxRobot robot) throws Exception {
        robot.interact(() -> window.model().openSample("support-bot"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.analysis().analysis().resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return window.analysis().analysis().resultProperty().get();
    }

    @Test
    void resultsShowWhatAnalyzeComputesAndPlanFollowsItsInputs(FxRobot robot) throws Exception {
        openSample(robot);
        ExperimentResult independent;
        Workspace open = window.model().currentWorkspace();
        ExperimentDefinition definition = new ExperimentStore(open).all().get(0);
        independent = ExperimentAnalyzer.analyze(open, definition, null, "test");
        robot.clickOn("#nav-results");
        TableView<ResultRow> table = robot.lookup("#results-table").queryTableView();
        ResultRow haiku = table.getItems().get(1);
        var comparison = independent.primary().comparison("haiku").comparison();
        assertEquals(independent.primary().unit().effect(comparison.absolute()), haiku.absolute());
        assertEquals("-1.18 pp [-2.40, +0.04]", haiku.absolute(), "a proportion in points (issue 21 #2)");
        assertEquals(Format.relative(comparison.relative()), haiku.relative());
        assertEquals(Format.p(comparison.absolute().pValue()), haiku.p());

        robot.clickOn("#nav-plan");
        String before = ((Label) robot.lookup("#plan-summary").query()).getText();
        TextField mde = robot.lookup("#plan-mde").query();
        robot.interact(mde::clear);
        robot.clickOn(mde).write("0.04");
        WaitForAsyncUtils.waitForFxEvents();
        String after = ((Label) robot.lookup("#plan-summary").query()).getText();
        assertTrue(!after.equals(before) && Integer.parseInt(after.split(" ")[0].replace(",", ""))
                < Integer.parseInt(before.split(" ")[0].replace(",", "")), before + " → " + after);
    }

    @Test
    void theEditorChecksAsYouTypeAndSavesANewExperiment(FxRobot robot) throws Exception {
        openSample(robot);
        robot.clickOn("#nav-results");
        robot.clickOn("#experiment-new");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#editor-problems").tryQuery().isPresent());
        Label problems = robot.lookup("#editor-problems").query();
        assertTrue(problems.getText().contains("unitColumn: missing"), problems.getText());
        robot.interact(() -> {
            robot.lookup("#editor-variant").queryComboBox().getEditor().setText("variant");
            robot.lookup("#editor-variant").queryComboBox().setValue("variant");
            robot.lookup("#editor-unit").queryComboBox().setValue("session_id");
            robot.lookup("#editor-primary-column").queryComboBox().setValue("resolved");
        });
        robot.clickOn("#editor-primary-name").write("resolved_any");
        robot.interact(() -> ((TextField) robot.lookup("#editor-name").query()).clear());
        robot.clickOn("#editor-name").write("Haiku as control");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("No problems: ready to save.", problems.getText());
        robot.clickOn((Node) robot.lookup(".dialog-pane .button").match(node -> node instanceof Button b
                && b.getText().equals("Save")).query());
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.analysis().analysis().resultProperty().get() != null
                    && window.analysis().analysis().resultProperty().get().definition().name().equals("Haiku as control"));
        } catch (TimeoutException e) {
            throw new AssertionError("not analysed: experiments " + window.analysis().analysis().experimentNames() + ", problem "
                    + window.analysis().analysis().problemProperty().get() + ", dialog open "
                    + robot.lookup(".dialog-pane").tryQuery().isPresent(), e);
        }
        assertEquals("haiku", window.analysis().analysis().resultProperty().get().definition().control());
        assertEquals(2, window.analysis().analysis().experiments().size());
    }

    /**
     * No analysis on the UI thread, asserted by where the work runs rather than by how long the UI
     * thread waited (which a loaded machine stretches): while a 1M-event workspace opens and is
     * analysed, the UI thread's stack is sampled every 2 ms and must never be inside the engine
     * (DuckDB: every query and every file opened) or the analysis, while the analysis is seen
     * running on a task thread. (Reading the result records on the UI thread is what it is for.) How
     * long the UI thread waits is measured by {@code arbiter benchmark startup} (docs/benchmarks.md).
     */
    @Test
    void aMillionEventsAreOpenedAndAnalysedOffTheUiThread(FxRobot robot) throws Exception {
        Path file = dir.resolve("big").resolve("big.arbiter");
        Files.createDirectories(file.getParent());
        SampleWorkspaces.createGenerated("support-bot", file, 1_000_000, "test");
        openSample(robot);
        AtomicReference<Thread> uiThread = new AtomicReference<>();
        robot.interact(() -> uiThread.set(Thread.currentThread()));
        Set<String> onUiThread = ConcurrentHashMap.newKeySet();
        AtomicInteger analysisSeenOnATaskThread = new AtomicInteger();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> {
            Arrays.stream(uiThread.get().getStackTrace())
                    .filter(frame -> frame.getClassName().startsWith("org.duckdb")
                            || frame.getClassName().startsWith(ExperimentAnalyzer.class.getName()))
                    .findFirst().filter(frame -> onUiThread.size() < 3).ifPresent(frame -> onUiThread.add(frame.toString()));
            Thread.getAllStackTraces().forEach((thread, frames) -> {
                if (thread.getName().startsWith("arbiter-task-") && Arrays.stream(frames)
                        .anyMatch(frame -> frame.getClassName().equals(ExperimentAnalyzer.class.getName()))) {
                    analysisSeenOnATaskThread.incrementAndGet();
                }
            });
        }, 0, 2, TimeUnit.MILLISECONDS);
        try {
            robot.interact(() -> window.model().openWorkspace(file));
            WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> window.analysis().analysis().resultProperty().get() != null
                    && window.analysis().analysis().resultProperty().get().arms().get(0).units() > 100_000);
            WaitForAsyncUtils.waitForFxEvents();
        } finally {
            sampler.shutdownNow();
        }
        assertEquals(1_000_000, window.analysis().analysis().resultProperty().get().arms().stream()
                .mapToLong(arm -> arm.events()).sum(), 5_000);
        assertTrue(analysisSeenOnATaskThread.get() > 0, "the sampler never saw the analysis running on a task thread");
        assertEquals(Set.of(), onUiThread, "engine or analysis work on the UI thread");
    }
}
