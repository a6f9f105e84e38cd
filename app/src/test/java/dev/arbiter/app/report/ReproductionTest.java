package dev.arbiter.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import java.util.List;

/** Value-by-value comparison: the 13th digit may move, a count or a flag may not. */
class ReproductionTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }

    @Test
    void numbersMatchWithinTheRelativeTolerance() throws Exception {
        Reproduction.Result same = Reproduction.compare(json("{\"p\": 0.0123456789012345, \"n\": 5996, \"ok\": true}"),
                json("{\"p\": 0.0123456789012346, \"n\": 5996, \"ok\": true}"));
        assertTrue(same.matches(), same.differences().toString());
        assertEquals(2, same.numbers());
        assertEquals(3, same.values());
        assertTrue(same.largestRelative() > 0 && same.largestRelative() < 1e-14);
    }

    @Test
    void changedNumbersCountsFlagsAndShapesAreListedByPath() throws Exception {
        Reproduction.Result changed = Reproduction.compare(
                json("{\"metrics\": [{\"p\": 0.0123, \"n\": 5996, \"significant\": true, \"ci\": [1, 2]}], \"asOf\": null}"),
                json("{\"metrics\": [{\"p\": 0.01231, \"n\": 5997, \"significant\": false, \"ci\": [1]}], \"extra\": 1}"));
        assertFalse(changed.matches());
        assertEquals(List.of("metrics[0].p: report 0.0123, now 0.01231", "metrics[0].n: report 5996.0, now 5997.0",
                "metrics[0].significant: report true, now false", "metrics[0].ci: 2 entries in the report, 1 now",
                "asOf: in the report, missing now"), changed.differences());
        assertEquals(List.of("extra"), changed.added(), "a key a newer Arbiter adds is an extension, not a difference");
    }

    /** A newer Arbiter may word a reason better ("-1.18 pp" for "-0.01182") and add keys ("unit"): still reproduced. */
    @Test
    void newWordingAndNewKeysAreNamedButDoNotFailReproduction() throws Exception {
        Reproduction.Result result = Reproduction.compare(
                json("{\"decision\": {\"recommendation\": \"segment\", \"reasons\": [\"changed by -0.01182\"]},"
                        + " \"metrics\": [{\"name\": \"r\", \"value\": 0.87}]}"),
                json("{\"decision\": {\"recommendation\": \"segment\", \"reasons\": [\"changed by -1.18 pp\"]},"
                        + " \"metrics\": [{\"name\": \"r\", \"value\": 0.87, \"unit\": \"percent\"}]}"));
        assertTrue(result.matches(), result.differences().toString());
        assertEquals(List.of("decision.reasons"), result.wording());
        assertEquals(List.of("metrics[0].unit"), result.added());
        Reproduction.Result label = Reproduction.compare(json("{\"decision\": {\"recommendation\": \"segment\"}}"),
                json("{\"decision\": {\"recommendation\": \"ship\"}}"));
        assertFalse(label.matches(), "a different recommendation is a different result");
    }

    @Test
    void zeroAndTinyNumbersUseAnAbsoluteFloor() throws Exception {
        assertTrue(Reproduction.compare(json("{\"x\": 0.0}"), json("{\"x\": 1e-15}")).matches());
        assertFalse(Reproduction.compare(json("{\"x\": 0.0}"), json("{\"x\": 1e-9}")).matches());
    }
}
