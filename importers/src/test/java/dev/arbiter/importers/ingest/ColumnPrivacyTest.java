package dev.arbiter.importers.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.importers.Sql;
import dev.arbiter.importers.ingest.ImportOptions.TextPolicy;
import dev.arbiter.importers.workspace.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: privacy is a per-column policy — free text found by name, by its values and inside
 * JSON; labels (few distinct values) kept; hashing keyed per workspace; redaction of personal
 * numbers and addresses; and with default settings a planted SSN and e-mail are nowhere in the
 * workspace after import.
 */
class ColumnPrivacyTest {
    private static final String SSN = "123-45-6789";
    private static final String EMAIL = "jane.doe@example.com";
    private static final String PLANTED = "Hi, I am Jane (" + EMAIL + ", SSN " + SSN + "), call +1 415-555-0134 "
            + "or charge 4111 1111 1111 1111 for the refund please";

    @TempDir
    Path dir;

    /** 200 requests: an id, a prompt version (v3/v4), a prompt, free-text notes under a neutral name, a latency. */
    private Path requestLog() throws Exception {
        List<String> lines = new ArrayList<>(List.of("request_id,prompt_version,prompt,notes,latency_ms"));
        for (int i = 0; i < 200; i++) {
            String prompt = i == 7 ? PLANTED : "Please summarise support ticket number " + i + " for the weekly report";
            String notes = i == 11 ? "customer wrote from " + EMAIL + " about SSN " + SSN : "agent note " + i
                    + ": the customer asked about an invoice and was answered";
            lines.add(i + "," + (i % 2 == 0 ? "v3" : "v4") + ",\"" + prompt + "\",\"" + notes + "\"," + (100 + i));
        }
        Path file = dir.resolve("requests.csv");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    /** 60 chat calls whose messages hold the text as JSON objects (messages[].content). */
    private Path chatLog() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String content = i == 3 ? "my address is " + EMAIL + " and SSN " + SSN : "question number " + i + " about my order";
            lines.add("{\"call_id\": " + i + ", \"model\": \"m" + (i % 2) + "\", \"messages\": [{\"role\": \"user\", "
                    + "\"content\": \"" + content + "\"}, {\"role\": \"assistant\", \"content\": \"answer " + i + "\"}]}");
        }
        Path file = dir.resolve("chat.jsonl");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void withDefaultSettingsAPlantedSsnAndEmailAreNowhereInTheWorkspace() throws Exception {
        try (Workspace workspace = ImportFixtures.importWorkspace(dir)) {
            ImportReport requests = importFile(workspace, requestLog(), ImportOptions.defaults());
            ImportReport chat = importFile(workspace, chatLog(), ImportOptions.defaults());
            assertEquals(200, requests.rowsLoaded());
            assertEquals(60, chat.rowsLoaded());
            assertEquals(List.of(), cellsContaining(workspace, SSN), "SSN");
            assertEquals(List.of(), cellsContaining(workspace, EMAIL), "e-mail");
            assertEquals(List.of("request_id", "prompt_version", "latency_ms"), columns(workspace, "requests"));
            assertEquals(List.of("call_id", "model"), columns(workspace, "chat"));
            assertTrue(requests.warnings().stream().anyMatch(w -> w.contains("prompt, notes not stored")), requests.warnings().toString());
            assertTrue(chat.warnings().stream().anyMatch(w -> w.contains("messages (text inside JSON) not stored")),
                    chat.warnings().toString());
            assertEquals(List.of("v3", "v4"), ImportFixtures.strings(workspace, "SELECT DISTINCT prompt_version FROM requests ORDER BY 1"),
                    "a version is a label, kept as it is");
        }
    }

    @Test
    void keptTextIsStoredAsItIsAndRedactedTextHasItsPersonalNumbersMasked() throws Exception {
        try (Workspace workspace = ImportFixtures.importWorkspace(dir)) {
            importFile(workspace, requestLog(), ImportOptions.defaults().withDataset("kept").withTextPolicy(TextPolicy.KEEP));
            importFile(workspace, requestLog(), ImportOptions.defaults().withDataset("redacted").withAllowReimport(true)
                    .withTextPolicy(TextPolicy.REDACT));
            assertEquals(List.of(PLANTED), ImportFixtures.strings(workspace, "SELECT prompt FROM kept WHERE request_id = 7"));
            assertEquals(List.of("Hi, I am Jane ([email], SSN [ssn]), call [phone] or charge [card] for the refund please"),
                    ImportFixtures.strings(workspace, "SELECT prompt FROM redacted WHERE request_id = 7"));
            assertEquals(List.of("customer wrote from [email] about SSN [ssn]"),
                    ImportFixtures.strings(workspace, "SELECT notes FROM redacted WHERE request_id = 11"));
            assertEquals(List.of("Please summarise support ticket number 8 for the weekly report"),
                    ImportFixtures.strings(workspace, "SELECT prompt FROM redacted WHERE request_id = 8"), "no personal data: unchanged");
            importFile(workspace, chatLog(), ImportOptions.defaults().withDataset("chat_redacted").withTextPolicy(TextPolicy.REDACT));
            String messages = ImportFixtures.strings(workspace, "SELECT messages FROM chat_redacted WHERE call_id = 3").get(0);
            assertTrue(messages.contains("my address is [email] and SSN [ssn]") && !messages.contains(EMAIL), messages);
        }
    }

    @Test
    void hashesAreTheStandardHmacWithTheWorkspacesOwnKey() throws Exception {
        String first;
        try (Workspace workspace = ImportFixtures.importWorkspace(dir)) {
            importFile(workspace, requestLog(), ImportOptions.defaults().withTextPolicy(TextPolicy.HASH));
            byte[] key;
            try (Connection connection = workspace.newConnection()) {
                key = ColumnPrivacy.secret(connection);
            }
            assertEquals(32, key.length);
            Mac mac = Mac.getInstance("HmacSHA256"); // the JDK's HMAC, independent of the SQL construction
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            String expected = HexFormat.of().formatHex(mac.doFinal(PLANTED.getBytes(StandardCharsets.UTF_8)));
            first = ImportFixtures.strings(workspace, "SELECT prompt FROM requests WHERE request_id = 7").get(0);
            assertEquals(expected, first);
            assertEquals(List.of(), cellsContaining(workspace, SSN));
            // the same text hashes the same within the workspace (equal prompts still match)
            importFile(workspace, requestLog(), ImportOptions.defaults().withDataset("again").withAllowReimport(true)
                    .withTextPolicy(TextPolicy.HASH));
            assertEquals(List.of(first), ImportFixtures.strings(workspace, "SELECT prompt FROM again WHERE request_id = 7"));
        }
        Path other = dir.resolve("other");
        Files.createDirectories(other);
        try (Workspace workspace = ImportFixtures.importWorkspace(other)) {
            importFile(workspace, requestLog(), ImportOptions.defaults().withTextPolicy(TextPolicy.HASH));
            assertNotEquals(first, ImportFixtures.strings(workspace, "SELECT prompt FROM requests WHERE request_id = 7").get(0),
                    "another workspace has another key: a hash cannot be matched across workspaces or looked up");
        }
    }

    @Test
    void aPolicyNamedForAColumnWinsOverTheDefaults() throws Exception {
        try (Workspace workspace = ImportFixtures.importWorkspace(dir)) {
            ImportReport report = importFile(workspace, requestLog(), ImportOptions.defaults()
                    .withColumnPolicies(Map.of("prompt_version", TextPolicy.HASH, "notes", TextPolicy.KEEP,
                            "request_id", TextPolicy.DROP)));
            assertEquals(List.of("prompt_version", "notes", "latency_ms"), columns(workspace, "requests"));
            assertEquals(List.of("64"), ImportFixtures.strings(workspace, "SELECT DISTINCT length(prompt_version) FROM requests"), "hashed");
            assertEquals(List.of("agent note 0: the customer asked about an invoice and was answered"),
                    ImportFixtures.strings(workspace, "SELECT notes FROM requests WHERE latency_ms = 100"));
            assertTrue(report.warnings().stream().anyMatch(w -> w.contains("prompt not stored")), report.warnings().toString());
        }
    }

    private static ImportReport importFile(Workspace workspace, Path file, ImportOptions options) throws Exception {
        return new DatasetImporter(workspace).importSource(file.toString(), options, ImportMonitor.NONE);
    }

    /** "table.column" for every cell of every table (Arbiter's own included) whose text contains {@code needle}. */
    private static List<String> cellsContaining(Workspace workspace, String needle) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection connection = workspace.newConnection(); Statement statement = connection.createStatement()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT table_name, column_name FROM information_schema.columns "
                    + "WHERE table_schema = 'main'")) {
                while (rows.next()) {
                    columns.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
            for (String[] column : columns) {
                try (var query = connection.prepareStatement("SELECT count(*) FROM " + Sql.identifier(column[0])
                        + " WHERE contains(CAST(" + Sql.identifier(column[1]) + " AS VARCHAR), ?)")) {
                    query.setString(1, needle);
                    try (ResultSet count = query.executeQuery()) {
                        count.next();
                        if (count.getLong(1) > 0) {
                            found.add(column[0] + "." + column[1]);
                        }
                    }
                }
            }
        }
        return found;
    }

    private static List<String> columns(Workspace workspace, String table) throws Exception {
        return ImportFixtures.strings(workspace, "SELECT column_name FROM information_schema.columns WHERE table_name = '" + table
                + "' ORDER BY ordinal_position");
    }
}
