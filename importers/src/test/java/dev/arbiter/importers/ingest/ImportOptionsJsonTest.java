package dev.arbiter.importers.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The import log's options column (docs/workspace-format.md): its keys, and names that need escaping. */
class ImportOptionsJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void defaultsHoldTheFiveKeysOnly() throws Exception {
        Source source = new Source("a.csv.gz", List.of(Path.of("a.csv.gz")), SourceFormat.CSV, "a.csv.gz", true);
        JsonNode json = MAPPER.readTree(ImportOptionsJson.describe(ImportOptions.defaults(), source));
        assertEquals(MAPPER.readTree("{\"mode\":\"create\",\"text\":\"drop\",\"format\":\"csv\",\"gzip\":true,\"files\":1}"), json);
    }

    @Test
    void givenPoliciesAndAddedColumnsAreWrittenWithTheirNamesEscaped() throws Exception {
        Map<String, ImportOptions.TextPolicy> policies = new LinkedHashMap<>();
        policies.put("prompt \"raw\"", ImportOptions.TextPolicy.HASH);
        policies.put("note\\n", ImportOptions.TextPolicy.KEEP);
        ImportOptions options = ImportOptions.defaults().withMode(ImportOptions.Mode.APPEND).withColumnPolicies(policies)
                .withAdded(new AddedColumns("file", Map.of("day1", "Mon\tday"), "row"));
        Source source = new Source("exports", List.of(Path.of("day1.parquet"), Path.of("day2.parquet")), SourceFormat.PARQUET,
                "exports/*.parquet", false);
        JsonNode json = MAPPER.readTree(ImportOptionsJson.describe(options, source));
        assertEquals("append", json.get("mode").asText());
        assertEquals("parquet", json.get("format").asText());
        assertFalse(json.get("gzip").asBoolean());
        assertEquals(2, json.get("files").asInt());
        assertEquals("hash", json.get("columns").get("prompt \"raw\"").asText());
        assertEquals("keep", json.get("columns").get("note\\n").asText());
        assertEquals("file", json.get("fileColumn").asText());
        assertEquals("Mon\tday", json.get("fileLabels").get("day1").asText());
        assertEquals("row", json.get("rowIdColumn").asText());
    }
}
