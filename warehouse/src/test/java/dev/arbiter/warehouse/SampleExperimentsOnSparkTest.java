package dev.arbiter.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.importers.analysis.ExperimentAnalyzer;
import dev.arbiter.importers.experiment.ExperimentDefinition;
import dev.arbiter.importers.experiment.ExperimentFile;
import dev.arbiter.importers.ingest.DatasetImporter;
import dev.arbiter.importers.ingest.ImportMonitor;
import dev.arbiter.importers.ingest.ImportOptions;
import dev.arbiter.importers.result.AnalysisJson;
import dev.arbiter.importers.result.ExperimentResult;
import dev.arbiter.importers.statistics.JdbcStatisticsSource;
import dev.arbiter.importers.statistics.SqlDialect;
import dev.arbiter.importers.workspace.Access;
import dev.arbiter.importers.workspace.Workspace;
import dev.arbiter.samples.SampleCatalog;
import dev.arbiter.samples.SampleWorkspaces;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 20: the R-checked end-to-end case and every sample experiment analysed through DuckDB (the workspace) and through Spark SQL
 * (in-process, local[2], the events as Parquet) gives the same analysis JSON: every number to 1e-9
 * relative, every flag and label equal. Only the engine differs; Spark gets Arbiter's SQL in its
 * dialect ({@link SqlDialect#SPARK}) and returns only aggregates.
 */
class SampleExperimentsOnSparkTest {
    private static final double RELATIVE = 1e-9;
    private static SparkSession spark;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().master("local[2]").appName("arbiter-warehouse-check")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
                .config("spark.sql.warehouse.dir", dir.resolve("spark-warehouse").toString())
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    static Stream<String> samples() {
        return SampleCatalog.all().stream().map(SampleCatalog.Sample::name);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void duckDbAndSparkGiveTheSameAnalysis(String sample) throws Exception {
        Path file = dir.resolve(sample + ".arbiter");
        ExperimentDefinition definition = ExperimentFile.read(SampleWorkspaces.create(sample, file, "test", ImportMonitor.NONE));
        assertSameOnSpark(sample, file, definition);
    }

    /** The R-checked end-to-end case (importers' ExperimentRCheckTest: R 4.2.2 from the raw events). */
    @Test
    void theRCheckedCaseGivesTheSameAnalysis() throws Exception {
        Path events = dir.resolve("sessions.csv");
        try (InputStream csv = SampleExperimentsOnSparkTest.class.getResourceAsStream("/r/sessions.csv")) {
            Files.copy(csv, events);
        }
        Path file = dir.resolve("r-check.arbiter");
        Workspace.create(file, "test").close();
        try (Workspace importing = Workspace.open(file, Access.IMPORT)) {
            new DatasetImporter(importing).importSource(events.toString(), ImportOptions.defaults().withDataset("sessions"),
                    ImportMonitor.NONE);
        }
        String json = new String(SampleExperimentsOnSparkTest.class.getResourceAsStream("/experiments/sessions.json")
                .readAllBytes(), StandardCharsets.UTF_8);
        assertSameOnSpark("r-check", file, ExperimentFile.parse(json, "sessions.json"));
    }

    /** Analyses the workspace's events with DuckDB, then the same events as Parquet with Spark, and compares. */
    private static void assertSameOnSpark(String name, Path file, ExperimentDefinition definition) throws Exception {
        Path parquet = dir.resolve(name + ".parquet");
        ExperimentResult duck;
        try (Workspace workspace = Workspace.open(file, Access.IMPORT)) { // may write files: the Parquet export
            try (Connection connection = workspace.newConnection(); Statement statement = connection.createStatement()) {
                statement.execute("COPY " + definition.dataset() + " TO '" + parquet + "' (FORMAT PARQUET)");
            }
            duck = ExperimentAnalyzer.analyze(workspace, definition, null, name, 7);
        }
        spark.read().parquet(parquet.toString()).createOrReplaceTempView(definition.dataset());
        ExperimentResult onSpark = ExperimentAnalyzer.analyze(new JdbcStatisticsSource(() -> SparkJdbc.connect(spark),
                SqlDialect.SPARK, "Spark local[2]"), definition, null, name, 7);
        List<String> differences = differences(json(duck), json(onSpark));
        assertEquals(List.of(), differences.subList(0, Math.min(20, differences.size())), name + ": "
                + differences.size() + " values differ");
        assertTrue(duck.metrics().size() > 0);
    }

    static JsonNode json(ExperimentResult result) throws Exception {
        return new ObjectMapper().readTree(AnalysisJson.write(result));
    }

    /** Every difference between DuckDB's analysis and Spark's (the benchmark reports them too). */
    static List<String> differences(JsonNode duck, JsonNode spark) {
        List<String> differences = new ArrayList<>();
        compare("", duck, spark, differences);
        return differences;
    }

    /** Every difference between the two analyses: numbers beyond 1e-9 relative, anything else unequal. */
    private static void compare(String at, JsonNode expected, JsonNode actual, List<String> differences) {
        if (expected.isNumber() && actual.isNumber()) {
            double a = expected.asDouble();
            double b = actual.asDouble();
            if (!(Math.abs(a - b) <= RELATIVE * Math.max(1, Math.max(Math.abs(a), Math.abs(b)))) && !(a == b)) {
                differences.add(at + ": DuckDB " + a + ", Spark " + b);
            }
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                compare(at + "/" + field.getKey(), field.getValue(), actual.path(field.getKey()), differences);
            }
            actual.fieldNames().forEachRemaining(name -> {
                if (!expected.has(name)) {
                    differences.add(at + "/" + name + ": only on Spark");
                }
            });
            return;
        }
        if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                compare(at + "/" + i, expected.get(i), actual.get(i), differences);
            }
            return;
        }
        if (expected.isTextual() && actual.isTextual() && sameWords(expected.asText(), actual.asText())) {
            return;
        }
        if (!expected.equals(actual)) {
            differences.add(at + ": DuckDB " + expected + ", Spark " + actual);
        }
    }

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    /**
     * Sentences for people: the same words, and each number the same but for its last printed digit
     * (a value on a rounding boundary, e.g. −0.25115, prints as −0.2511 or −0.2512 after a 1e-16 sum difference).
     */
    private static boolean sameWords(String expected, String actual) {
        if (!NUMBER.matcher(expected).replaceAll("#").equals(NUMBER.matcher(actual).replaceAll("#"))) {
            return false;
        }
        Matcher a = NUMBER.matcher(expected);
        Matcher b = NUMBER.matcher(actual);
        while (a.find() && b.find()) {
            int places = a.group(1) == null ? 0 : a.group(1).length() - 1;
            if (Math.abs(Double.parseDouble(a.group()) - Double.parseDouble(b.group())) > 1.01 * Math.pow(10, -places)) {
                return false;
            }
        }
        return true;
    }
}
