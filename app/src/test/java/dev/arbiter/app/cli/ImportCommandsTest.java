package dev.arbiter.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import dev.arbiter.importers.fixtures.SharedDatasets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code arbiter import} and {@code arbiter datasets}: summary lines, exit codes and the pinned JSON keys. */
class ImportCommandsTest {
    /** Not read by the usage checks, so those run without ../shared too. */
    private static final String ANY_CSV = "cookie_cats.csv";

    private static String cookieCats() {
        return SharedDatasets.file("cookie_cats/cookie_cats.csv").toString();
    }

    @TempDir
    Path dir;

    @Test
    void importPrintsOneSummaryLinePerFileAndDatasetsListsThem() throws Exception {
        String workspace = dir.resolve("w.arbiter").toString();
        Path ragged = Files.writeString(dir.resolve("ragged.csv"), "variant,user_id,value\na,u1,1\nb,u2\na,u3,3\n");
        CliRun run = CliRun.of("import", cookieCats(), ragged.toString(), "--workspace", workspace);
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.out().split("\n");
        assertEquals("Created workspace " + workspace, lines[0]);
        assertTrue(lines[1].matches("cookie_cats.csv -> cookie_cats: 90,189 rows loaded, 0 rejected, \\d+\\.\\d\\d s"), lines[1]);
        assertTrue(lines[2].matches("ragged.csv -> ragged: 2 rows loaded, 1 rejected, \\d+\\.\\d\\d s"), lines[2]);

        CliRun list = CliRun.of("datasets", "--workspace", workspace, "--json");
        assertEquals(0, list.exitCode(), list.err());
        JsonNode root = Json.MAPPER.readTree(list.out());
        assertEquals(workspace, root.get("workspace").asText());
        JsonNode cats = root.get("datasets").get(0);
        assertEquals("cookie_cats", cats.get("name").asText());
        assertEquals(90189, cats.get("rows").asLong());
        assertEquals("userid", cats.get("columns").get(0).get("name").asText());
        assertEquals("version", cats.get("roles").get("variant").asText());
        JsonNode source = cats.get("sources").get(0);
        for (String key : new String[] {"importId", "file", "path", "sha256", "format", "rowsRead", "rowsLoaded", "rowsRejected",
                "duplicatesDropped", "importedAt"}) {
            assertTrue(source.has(key), "sources[]." + key);
        }
        assertEquals(1, root.get("datasets").get(1).get("sources").get(0).get("rowsRejected").asLong());
        CliRun text = CliRun.of("datasets", "--workspace", workspace);
        assertTrue(text.out().startsWith("cookie_cats: 90,189 rows, 5 columns"), text.out());

        // the PDF's and the import's pointer to the rejected rows works: the short row on line 3
        CliRun rejects = CliRun.of("datasets", "--workspace", workspace, "--rejects", "--json");
        assertEquals(0, rejects.exitCode(), rejects.err());
        JsonNode rejected = Json.MAPPER.readTree(rejects.out()).get("rejects");
        assertEquals(1, rejected.size(), rejects.out());
        assertEquals("ragged.csv", rejected.get(0).get("file").asText());
        assertEquals(3, rejected.get(0).get("line").asLong());
        for (String key : new String[] {"importId", "column", "rawText", "reason"}) {
            assertTrue(rejected.get(0).has(key), "rejects[]." + key);
        }
        CliRun rejectsText = CliRun.of("datasets", "--workspace", workspace, "--rejects");
        assertTrue(rejectsText.out().startsWith("ragged.csv:3"), rejectsText.out());
    }

    @Test
    void mappingKeepTextAndAppendOptions() throws Exception {
        String workspace = dir.resolve("w.arbiter").toString();
        Path file = Files.writeString(dir.resolve("log.csv"), "arm_name,session,prompt\na,s1,hello\nb,s2,hi\n");
        CliRun run = CliRun.of("import", file.toString(), "--workspace", workspace, "--map", "variant=arm_name", "--keep-text");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode dataset = Json.MAPPER.readTree(CliRun.of("datasets", "--workspace", workspace, "--json").out())
                .get("datasets").get(0);
        assertEquals("arm_name", dataset.get("roles").get("variant").asText());
        assertEquals(3, dataset.get("columns").size(), "prompt kept with --keep-text");
        CliRun again = CliRun.of("import", file.toString(), "--workspace", workspace, "--dataset", "log", "--append");
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().startsWith("log.csv -> log: 2 rows loaded"), again.out());
    }

    /** The file read ahead while picocli builds its model: a guess, so a miss only reads nothing ahead. */
    @Test
    void theFirstFileIsGuessedBeforeTheOptionsAreParsed() {
        assertEquals(Optional.of("a.csv"), ImportCommand.firstFile("import", "a.csv", "b.csv", "--workspace", "w.arbiter"));
        assertEquals(Optional.of("a.csv"), ImportCommand.firstFile("import", "--workspace", "w.arbiter", "a.csv"));
        assertEquals(Optional.of("a.csv"), ImportCommand.firstFile("import", "--workspace=w.arbiter", "--dataset", "d", "a.csv"));
        assertEquals(Optional.empty(), ImportCommand.firstFile("import", "--keep-text", "a.csv", "--workspace", "w.arbiter"),
                "after a flag the guess is skipped rather than wrong");
        assertEquals(Optional.empty(), ImportCommand.firstFile("import"));
    }

    @Test
    void failureIsOneLineOnStderrWithExitCodeOne() {
        CliRun run = CliRun.of("import", dir.resolve("nope.csv").toString(), "--workspace", dir.resolve("w.arbiter").toString());
        assertEquals(1, run.exitCode());
        assertEquals("arbiter: " + dir.resolve("nope.csv") + ": no such file or folder", run.err().strip());
        assertFalse(Files.exists(dir.resolve("w.arbiter")), "a source that is not there leaves no empty workspace behind");
        CliRun both = CliRun.of("import", ANY_CSV, "--workspace", "x.arbiter", "--append", "--replace");
        assertEquals(2, both.exitCode(), "--append and --replace exclude each other");
        CliRun badRole = CliRun.of("import", ANY_CSV, "--workspace", dir.resolve("w.arbiter").toString(), "--map", "arm=version");
        assertEquals(1, badRole.exitCode());
        assertTrue(badRole.err().startsWith("arbiter: unknown role 'arm'"), badRole.err());
        assertFalse(Files.exists(dir.resolve("w.arbiter")), "options are checked before the workspace is created");
    }
}
