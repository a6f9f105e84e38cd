package dev.arbiter.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arbiter.app.common.Theme;
import dev.arbiter.app.common.settings.InMemorySettings;
import dev.arbiter.app.desktop.MainWindow;
import dev.arbiter.samples.SampleCatalog;
import dev.arbiter.app.common.ScenePictures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;
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
 * Issue 21 #1: at the default 1280×800 window, no label, header, button or table cell of any
 * section shows an ellipsis — on every sample, light and dark. A cut-off text is found as the
 * skin's text node showing less than the control's text.
 */
@ExtendWith(ApplicationExtension.class)
class ScreensFitFxTest {
    @TempDir
    static Path dir;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        System.setProperty("arbiter.samples", dir.resolve("samples").toString());
        window = MainWindow.show(stage, new InMemorySettings(), WorkspaceStore.files("test"));
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    @Stop
    void stop() {
        window.stage().hide();
        System.clearProperty("arbiter.samples");
    }

    @Test
    void noTextIsCutOffOnAnySectionOfAnySample(FxRobot robot) throws Exception {
        List<String> cut = new ArrayList<>();
        for (SampleCatalog.Sample sample : SampleCatalog.all()) {
            Object before = window.analysis().analysis().resultProperty().get();
            robot.interact(() -> window.model().openSample(sample.name()));
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> window.analysis().analysis().resultProperty().get() != null
                    && window.analysis().analysis().resultProperty().get() != before
                    && !window.analysis().analysis().busyProperty().get());
            for (Theme theme : List.of(Theme.LIGHT, Theme.DARK)) {
                robot.interact(() -> window.model().themeProperty().set(theme));
                for (Section section : Section.values()) {
                    robot.interact(() -> window.model().sectionProperty().set(section));
                    WaitForAsyncUtils.waitForFxEvents();
                    robot.interact(() -> truncated(window.stage().getScene().getRoot())
                            .forEach(text -> cut.add(sample.name() + " · " + theme + " · " + section + ": " + text)));
                }
            }
        }
        assertEquals(List.of(), cut, "texts cut off at 1280×800");
    }

    /**
     * The import dialog shows its column roles and each text column's privacy choice whole (the
     * preview's long texts may be cut: it is a preview); a picture of it is left in target/screens.
     */
    @Test
    void theImportDialogShowsItsRolesAndPrivacyChoicesWhole(FxRobot robot) throws Exception {
        robot.interact(() -> window.model().createWorkspace(dir.resolve("import.arbiter")));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.model().currentWorkspace() != null);
        StringBuilder rows = new StringBuilder("variant,user_id,session_id,resolved,refusal,latency_ms,system_prompt,prompt\n");
        for (int i = 0; i < 8; i++) {
            rows.append(i % 2 == 0 ? "control" : "treatment").append(",u").append(i).append(",s").append(i).append(",1,0,")
                    .append(800 + i).append(i % 2 == 0 ? ",concise" : ",detailed").append(",Where is my order number ").append(1000 + i)
                    .append(" please\n");
        }
        Path csv = Files.writeString(dir.resolve("requests.csv"), rows);
        robot.interact(() -> window.data().requestImport(List.of(csv)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#role-grid").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Node grid = robot.lookup("#role-grid").query();
        assertEquals("Leave out", robot.lookup("#import-text-prompt").queryAs(ChoiceBox.class).getValue());
        assertEquals("Keep as it is", robot.lookup("#import-text-system_prompt").queryAs(ChoiceBox.class).getValue());
        List<String> cut = new ArrayList<>();
        robot.interact(() -> cut.addAll(truncated((Parent) grid)));
        Node privacy = robot.lookup("#import-text-prompt").query().getParent();
        robot.interact(() -> cut.addAll(truncated((Parent) privacy)));
        robot.interact(() -> ScenePictures.save(grid.getScene(), Path.of("target", "screens", "import-dialog.png")));
        robot.interact(() -> ((Stage) grid.getScene().getWindow()).close());
        assertEquals(List.of(), cut, "texts cut off in the import dialog's roles and privacy choices");
    }


    /** The experiment editor, opened on a sample's experiment, shows every label, field and guardrail row whole. */
    @Test
    void theExperimentEditorShowsEveryLabelWhole(FxRobot robot) throws Exception {
        List<String> cut = cutInDialog(robot, Section.RESULTS, "#experiment-edit", () -> robot.lookup("#editor-problems")
                .tryQuery().isPresent() && !((TextInputControl) robot.lookup("#editor-primary-name").query()).getText().isEmpty(),
                "#experiment-editor");
        assertEquals(List.of(), cut, "texts cut off in the experiment editor");
    }

    /** The PDF export dialog (paper, signing, a new key) shows its labels and buttons whole. */
    @Test
    void thePdfDialogShowsEveryLabelWhole(FxRobot robot) throws Exception {
        List<String> cut = cutInDialog(robot, Section.DECISION, "#decision-export-pdf",
                () -> robot.lookup("#export-new-key").tryQuery().isPresent(), "#pdf-export");
        assertEquals(List.of(), cut, "texts cut off in the PDF dialog");
    }

    /** Opens the first sample's {@code section}, clicks {@code opener}, and lists what the dialog {@code dialogId} cuts off. */
    private List<String> cutInDialog(FxRobot robot, Section section, String opener, Callable<Boolean> ready, String dialogId)
            throws Exception {
        robot.interact(() -> window.model().openSample(SampleCatalog.FIRST));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> window.analysis().analysis().resultProperty().get() != null
                && !window.analysis().analysis().busyProperty().get());
        robot.interact(() -> window.model().sectionProperty().set(section));
        robot.clickOn(opener);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, ready);
        WaitForAsyncUtils.waitForFxEvents();
        Node dialog = robot.lookup(dialogId).query();
        List<String> cut = new ArrayList<>();
        robot.interact(() -> cut.addAll(truncated(dialog.getScene().getRoot())));
        robot.interact(() -> ((Stage) dialog.getScene().getWindow()).close());
        return cut;
    }

    /** Every visible labelled control under {@code root} whose shown text is shorter than its text. */
    static List<String> truncated(Parent root) {
        List<String> found = new ArrayList<>();
        walk(root, found);
        return found;
    }

    private static void walk(Node node, List<String> found) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && isCut(labeled)) {
            found.add("'" + labeled.getText() + "' (" + labeled.getClass().getSimpleName()
                    + (labeled.getId() == null ? "" : " #" + labeled.getId()) + ")");
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> walk(child, found));
        }
    }

    private static boolean isCut(Labeled labeled) {
        String text = labeled.getText();
        if (text == null || text.isBlank()) {
            return false;
        }
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text shown && shown.isVisible() && !shown.getText().equals(text)
                    && shown.getText().contains(labeled.getEllipsisString())) {
                return true;
            }
        }
        return false;
    }
}
