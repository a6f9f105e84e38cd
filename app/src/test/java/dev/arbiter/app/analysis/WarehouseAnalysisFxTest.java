package dev.arbiter.app.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.app.common.settings.InMemorySettings;
import dev.arbiter.app.desktop.MainWindow;
import dev.arbiter.app.shell.WorkspaceStore;
import dev.arbiter.importers.analysis.ExperimentAnalyzer;
import dev.arbiter.importers.experiment.ExperimentFile;
import dev.arbiter.importers.ingest.ImportMonitor;
import dev.arbiter.importers.result.ExperimentResult;
import dev.arbiter.importers.workspace.Access;
import dev.arbiter.importers.workspace.Workspace;
import dev.arbiter.samples.SampleWorkspaces;
import dev.arbiter.app.common.ScenePictures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 20 in the app: Workspace → Analyse a Warehouse Table… asks for the URL, the table, the
 * experiment and a token, refuses what it cannot use with the reason shown, and puts the table's
 * analysis — computed by the engine, here a DuckDB file by URL — in the analysis sections, equal to
 * the workspace's; a table that is not there is a one-line problem.
 */
@ExtendWith(ApplicationExtension.class)
class WarehouseAnalysisFxTest {
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

    @Test
    void aWarehouseTableIsAnalysedFromTheMenu(FxRobot robot) throws Exception {
        Path workspace = dir.resolve("sb.arbiter");
        Path experiment = SampleWorkspaces.create("support-bot", workspace, "test", ImportMonitor.NONE);
        Path lake = Files.copy(workspace, dir.resolve("lake.duckdb"));
        ExperimentResult expected;
        try (Workspace open = Workspace.open(workspace, Access.READ)) {
            expected = ExperimentAnalyzer.analyze(open, ExperimentFile.read(experiment), null, "test");
        }

        robot.clickOn("#menu-workspace").clickOn("#menu-warehouse");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Analyse");
        assertEquals("Give the engine's JDBC URL, e.g. jdbc:databricks://… or jdbc:hive2://….",
                robot.lookup("#warehouse-problem").queryAs(Label.class).getText());
        robot.interact(() -> {
            robot.lookup("#warehouse-url").queryAs(TextField.class).setText("jdbc:duckdb:" + lake);
            robot.lookup("#warehouse-table").queryAs(TextField.class).setText("main.events");
            robot.lookup("#warehouse-experiment").queryAs(TextField.class).setText(experiment.toString());
            robot.lookup("#warehouse-token").queryAs(TextField.class).setText("dapi-not-needed-by-duckdb");
        });
        Label problem = robot.lookup("#warehouse-problem").queryAs(Label.class);
        robot.interact(() -> ScenePictures.save(problem.getScene(), Path.of("target", "screens", "warehouse-dialog.png")));
        robot.clickOn("Analyse");

        AnalysisViewModel analysis = window.analysis().analysis();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> analysis.resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        ExperimentResult shown = analysis.resultProperty().get();
        assertNull(analysis.problemProperty().get());
        assertEquals(expected.primary().comparisons().get(0).comparison().absolute().estimate(),
                shown.primary().comparisons().get(0).comparison().absolute().estimate(), 1e-12);
        assertEquals(expected.decision().kind(), shown.decision().kind());
        assertTrue(analysis.warehouseTable().startsWith("main.events at jdbc:duckdb:"), analysis.warehouseTable());
        // what would save into a workspace is off: the experiment of a table lives in its file
        for (String button : new String[] {"#experiment-edit", "#experiment-new", "#plan-save"}) {
            robot.clickOn("#nav-" + (button.equals("#plan-save") ? "plan" : "results"));
            WaitForAsyncUtils.waitForFxEvents();
            var found = robot.lookup(button).queryAll();
            assertTrue(!found.isEmpty() && found.stream().allMatch(Node::isDisabled), button + ": " + found);
        }
        for (String section : new String[] {"results", "guardrails", "segments", "decision", "plan", "monitor"}) {
            robot.clickOn("#nav-" + section);
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(robot.lookup("#section-title").tryQuery().isPresent());
            robot.interact(() -> ScenePictures.save(window.stage().getScene(), Path.of("target", "screens", "warehouse-" + section + ".png")));
        }

        robot.interact(() -> analysis.analyseWarehouse(new AnalysisViewModel.WarehouseRequest("jdbc:duckdb:" + lake,
                "main.no_such_table", shown.definition().file(), "")));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> analysis.problemProperty().get() != null);
        String message = analysis.problemProperty().get();
        assertTrue(message.contains("table main.no_such_table") && !message.contains("\n"), message);
    }
}
