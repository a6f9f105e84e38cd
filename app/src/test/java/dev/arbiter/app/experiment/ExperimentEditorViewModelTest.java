package dev.arbiter.app.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.app.common.task.DefaultTaskExecutor;
import dev.arbiter.app.shell.StatusBarViewModel;
import dev.arbiter.importers.experiment.ExperimentDefinition;
import dev.arbiter.importers.experiment.ExperimentFile;
import dev.arbiter.importers.experiment.ExperimentStore;
import dev.arbiter.importers.ingest.ImportMonitor;
import dev.arbiter.importers.workspace.Workspace;
import dev.arbiter.samples.SampleWorkspaces;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The experiment editor checks as the analyst types, with the parser and checks of arbiter analyze. */
class ExperimentEditorViewModelTest {
    @TempDir
    Path dir;

    private final DefaultTaskExecutor executor = DefaultTaskExecutor.currentThread(new StatusBarViewModel());
    private Workspace workspace;
    private ExperimentDefinition sample;
    private ExperimentEditorViewModel editor;

    @BeforeEach
    void openSample() throws Exception {
        Path file = dir.resolve("support-bot.arbiter");
        Path json = SampleWorkspaces.create("support-bot", file, "test", ImportMonitor.NONE);
        sample = ExperimentFile.read(json);
        workspace = Workspace.open(file);
        editor = new ExperimentEditorViewModel(workspace, executor);
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void anExistingExperimentRoundTripsUnchanged() {
        editor.load(sample);
        assertEquals(List.of(), editor.problems());
        assertEquals(ExperimentFile.toJson(sample), ExperimentFile.toJson(editor.definitionProperty().get()));
        assertEquals(3, editor.guardrails().size());
        assertTrue(editor.columns().contains("resolved"));
    }

    /** What the form does not show — a paired design, an experiment filter, a unit — survives an edit. */
    @Test
    void keysTheFormDoesNotShowAreKept() throws Exception {
        ExperimentDefinition filtered = ExperimentFile.parse(ExperimentFile.toJson(sample).replaceFirst("\\{",
                "{\"where\": {\"column\": \"plan\", \"notEquals\": \"free\"},").replace("\"kind\" : \"unit\",",
                "\"kind\" : \"unit\", \"unit\": \"percent\","), "edited.json");
        editor.load(filtered);
        assertEquals(List.of(), editor.problems());
        ExperimentDefinition saved = editor.definitionProperty().get();
        assertEquals(filtered.where(), saved.where());
        assertEquals("percent", saved.primary().unit());
        // a guardrail's filter, unit and second stop rule are not in the form either
        ExperimentDefinition railed = ExperimentFile.parse(ExperimentFile.toJson(sample).replaceFirst("\"guardrails\" : \\[ \\{",
                "\"guardrails\" : [ {\"where\": {\"column\": \"plan\", \"equals\": \"pro\"}, \"unit\": \"ms\", \"maxValue\": 9000,"),
                "railed.json");
        editor.load(railed);
        assertEquals(List.of(), editor.problems());
        ExperimentDefinition railedSaved = editor.definitionProperty().get();
        assertEquals(railed.guardrails().get(0).where(), railedSaved.guardrails().get(0).where());
        assertEquals("ms", railedSaved.guardrails().get(0).unit());
        assertEquals(railed.guardrails().get(0).rules(), railedSaved.guardrails().get(0).rules(), "both stop rules");
        assertEquals(ExperimentFile.toJson(railed), ExperimentFile.toJson(railedSaved));
        Path paired = dir.resolve("eval-replay.arbiter");
        Path json = SampleWorkspaces.create("eval-replay", paired, "test", ImportMonitor.NONE);
        try (Workspace evalSet = Workspace.open(paired)) {
            ExperimentEditorViewModel pairedEditor = new ExperimentEditorViewModel(evalSet, executor);
            ExperimentDefinition definition = ExperimentFile.read(json);
            pairedEditor.load(definition);
            assertEquals(List.of(), pairedEditor.problems());
            assertEquals("paired", pairedEditor.definitionProperty().get().design());
            assertEquals("item_id", pairedEditor.definitionProperty().get().itemColumn());
        }
    }

    @Test
    void problemsNameTheKeyAsTheAnalystTypes() {
        editor.load(sample);
        editor.primaryColumnProperty().set("Resolved");
        assertEquals(List.of("primary.column: dataset 'events' has no column 'Resolved' (did you mean 'resolved'?)"),
                editor.problems());
        assertNull(editor.definitionProperty().get());
        editor.primaryColumnProperty().set("resolved");
        editor.controlProperty().set("opus");
        assertEquals(List.of("control: 'opus' does not occur in column 'variant' (values: haiku, sonnet)"), editor.problems());
        editor.controlProperty().set("sonnet");
        editor.alphaProperty().set("five percent");
        assertTrue(editor.problems().get(0).startsWith("alpha"), editor.problems().toString());
        editor.alphaProperty().set("0.05");
        editor.guardrails().get(0).thresholdProperty().set("-1");
        assertEquals(List.of("guardrails[0]: maxRatio must be positive: -1.0"), editor.problems());
        editor.guardrails().get(0).thresholdProperty().set("1.3");
        assertNotNull(editor.definitionProperty().get());
    }

    @Test
    void aNewExperimentStartsFromTheDataAndSavesIntoTheWorkspace() throws Exception {
        editor.load(null);
        assertEquals("events", editor.datasetProperty().get());
        editor.variantColumnProperty().set("variant");
        assertEquals("haiku", editor.controlProperty().get(), "the arms come from the data");
        assertEquals("sonnet", editor.treatmentsProperty().get());
        assertTrue(editor.problems().contains("unitColumn: missing"), editor.problems().toString());
        editor.unitColumnProperty().set("session_id");
        editor.primaryNameProperty().set("resolution");
        editor.primaryColumnProperty().set("resolved");
        editor.addGuardrail();
        editor.guardrails().get(0).columnProperty().set("refusal");
        assertEquals(List.of(), editor.problems());
        editor.nameProperty().set("Haiku first");
        editor.save(saved -> { });
        assertEquals(List.of("Haiku first", "Support bot: Sonnet vs Haiku"),
                new ExperimentStore(workspace).all().stream().map(ExperimentDefinition::name).toList());
        Path exported = dir.resolve("haiku-first.json");
        editor.export(exported);
        assertEquals("haiku", ExperimentFile.read(exported).control());
    }
}
