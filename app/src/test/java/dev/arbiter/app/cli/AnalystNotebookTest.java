package dev.arbiter.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notebook benchmark's check: every number the notebook prints against Arbiter's analysis JSON. */
class AnalystNotebookTest {
    private static final String ARBITER = """
            {"metrics": [{"name": "p95", "kind": "quantile", "arms": [
                {"name": "a", "units": 10, "value": 100.5, "ci": [99.0, 102.0]},
                {"name": "b", "units": 12, "value": 101.0, "ci": [99.5, 102.5]}],
              "comparisons": [{"absoluteEffect": 0.5, "absoluteCi": [-1.6, 2.6], "pValue": 0.64, "method": "quantile"}]}],
             "segments": [{"column": "plan", "value": "pro", "units": [5, 6], "metrics": [{"name": "p95", "arms": [
                {"name": "a", "units": 5, "value": 1.0, "ci": [0.5, 1.5]}, {"name": "b", "units": 6, "value": 2.0, "ci": [1.5, 2.5]}],
              "comparisons": [{"absoluteEffect": 1.0, "absoluteCi": [0.3, 1.7], "pValue": 0.004}]}]}],
             "series": []}""";

    @Test
    void theSameNumbersPassAndEachIsCounted() throws Exception {
        JsonNode arbiter = Json.MAPPER.readTree(ARBITER);
        AnalystNotebook.Check check = AnalystNotebook.compare(arbiter, arbiter);
        assertTrue(check.differences().isEmpty(), check.differences().toString());
        assertEquals(2 * 2 * (2 + 2) + 2 * 4, check.compared(), "per arm units, value and two bounds; per effect 4 numbers; twice");
    }

    @Test
    void sumsInAnotherOrderAreTheSameNumber() throws Exception {
        JsonNode arbiter = Json.MAPPER.readTree(ARBITER);
        JsonNode notebook = Json.MAPPER.readTree(ARBITER);
        ((ObjectNode) notebook.at("/metrics/0/arms/0")).put("value", 100.5 * (1 + 1e-13));
        assertTrue(AnalystNotebook.compare(notebook, arbiter).differences().isEmpty());
    }

    @Test
    void aDifferentNumberIsNamedWithWhereItIs() throws Exception {
        JsonNode arbiter = Json.MAPPER.readTree(ARBITER);
        JsonNode notebook = Json.MAPPER.readTree(ARBITER);
        ((ObjectNode) notebook.at("/segments/0/metrics/0/comparisons/0")).put("pValue", 0.0041);
        AnalystNotebook.Check check = AnalystNotebook.compare(notebook, arbiter);
        assertEquals(1, check.differences().size(), check.differences().toString());
        assertTrue(check.differences().get(0).startsWith("plan=pro p95 p-value: notebook 0.0041, Arbiter 0.004"),
                check.differences().get(0));
    }

    @Test
    void aMetricOrArmArbiterDoesNotHaveIsADifference() throws Exception {
        JsonNode arbiter = Json.MAPPER.readTree(ARBITER);
        JsonNode notebook = Json.MAPPER.readTree(ARBITER);
        ((ObjectNode) notebook.at("/metrics/0/arms/1")).put("name", "c");
        ((ObjectNode) notebook.at("/segments/0/metrics/0")).put("name", "p99");
        AnalystNotebook.Check check = AnalystNotebook.compare(notebook, arbiter);
        assertEquals(2, check.differences().size(), check.differences().toString());
        assertTrue(check.differences().contains("p95 c: not in Arbiter's analysis"), check.differences().toString());
        assertTrue(check.differences().contains("plan=pro p99: not in Arbiter's analysis"), check.differences().toString());
    }

    @Test
    void aPythonWithoutPolarsLeavesTheNotebookOutAndSaysHowToAddIt(@TempDir Path dir) throws Exception {
        StringWriter text = new StringWriter();
        assertNull(AnalystNotebook.find(dir.resolve("no-such-python").toString(), dir, new PrintWriter(text, true)));
        assertTrue(text.toString().contains("cannot be run") && text.toString().contains("pip install polars numpy scipy"),
                text.toString());
    }

    @Test
    void theNotebookIsInTheBuild() {
        assertNotNull(AnalystNotebook.class.getResource("notebook.py"));
    }
}
