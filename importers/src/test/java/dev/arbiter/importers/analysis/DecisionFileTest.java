package dev.arbiter.importers.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.importers.signoff.DecisionFile;
import dev.arbiter.importers.signoff.DecisionRecord;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Decision files: the pinned keys read and written; problems name their key. */
class DecisionFileTest {
    @Test
    void thePinnedShapeReadsAndWritesBack() throws Exception {
        String json = """
                {"decision": "ship", "rationale": "Cheaper and as good.",
                 "signoffs": [{"name": "Ana", "role": "PM", "approve": true, "date": "2026-03-20", "comment": "ok"}]}""";
        DecisionRecord record = DecisionFile.parse(json, "d.json");
        assertEquals("ship", record.decision());
        assertEquals("Ana", record.signoffs().get(0).name());
        assertEquals(record, DecisionFile.parse(DecisionFile.toJson(record), "again"));
    }

    @Test
    void problemsNameTheirKeys() {
        IOException label = assertThrows(IOException.class, () -> DecisionFile.parse("{\"decision\": \"launch\"}", "d.json"));
        assertTrue(label.getMessage().startsWith("d.json: decision: unknown decision 'launch'"), label.getMessage());
        IOException date = assertThrows(IOException.class, () -> DecisionFile.parse(
                "{\"decision\": \"ship\", \"signoffs\": [{\"name\": \"Ana\", \"date\": \"yesterday\"}]}", "d.json"));
        assertEquals("d.json: signoffs[0].date: must be a date like 2026-03-20, got 'yesterday'", date.getMessage());
        IOException unknown = assertThrows(IOException.class, () -> DecisionFile.parse(
                "{\"decision\": \"ship\", \"signof\": []}", "d.json"));
        assertTrue(unknown.getMessage().contains("signof"), unknown.getMessage());
    }
}
