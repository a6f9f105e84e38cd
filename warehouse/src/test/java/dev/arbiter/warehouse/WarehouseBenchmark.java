package dev.arbiter.warehouse;

import dev.arbiter.importers.analysis.ExperimentAnalyzer;
import dev.arbiter.importers.bench.AnalysisBenchmark;
import dev.arbiter.importers.experiment.ExperimentDefinition;
import dev.arbiter.importers.experiment.ExperimentFile;
import dev.arbiter.importers.result.ExperimentResult;
import dev.arbiter.importers.statistics.SourceRecord;
import dev.arbiter.importers.statistics.WarehouseSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/**
 * Issue 20's benchmark: the benchmark experiment (a primary, four guardrails with a p95, two
 * segments, days) on N generated events, analysed by DuckDB (the events in a DuckDB file, as in a
 * workspace) and by Spark SQL local[2] (the same events as Parquet) through the same warehouse source;
 * prints each engine's time, the rows and bytes that came back to Arbiter, and whether the two
 * analyses agree to 1e-9. Run: {@code tools/warehouse-benchmark.sh 10000000 50000000}.
 */
public final class WarehouseBenchmark {
    private WarehouseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("arbiter-warehouse-benchmark");
        List<Long> sizes = new ArrayList<>();
        for (String arg : args.length == 0 ? new String[] {"10000000"} : args[0].split(",")) {
            sizes.add(Long.parseLong(arg.strip().replace("_", "")));
        }
        SparkSession spark = SparkSession.builder().master("local[2]").appName("arbiter-warehouse-benchmark")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "8")
                .config("spark.sql.warehouse.dir", dir.resolve("spark-warehouse").toString())
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        ExperimentDefinition definition = ExperimentFile.parse(AnalysisBenchmark.EXPERIMENT, "benchmark")
                .withDataset(WarehouseSource.VIEW);
        try {
            for (long events : sizes) {
                run(spark, dir, definition, events);
            }
        } finally {
            spark.stop();
        }
        System.out.println(AnalysisBenchmark.memory());
    }

    private static void run(SparkSession spark, Path dir, ExperimentDefinition definition, long events) throws Exception {
        Path parquet = dir.resolve("events-" + events + ".parquet");
        Path duck = dir.resolve("events-" + events + ".duckdb");
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + duck);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE requests AS " + AnalysisBenchmark.events(events));
            statement.execute("COPY requests TO '" + parquet + "' (FORMAT parquet)");
        }
        System.out.printf(Locale.ROOT, "%,d events (%,d sessions): generated in %.1f s, Parquet %,d MB%n", events,
                events / 10, seconds(start), Files.size(parquet) >> 20);
        String duckUrl = "jdbc:duckdb:" + duck;
        Measured onDuck = analyse(WarehouseSource.over(duckUrl, "requests", () -> DriverManager.getConnection(duckUrl)),
                definition);
        spark.read().parquet(parquet.toString()).createOrReplaceTempView("requests");
        Measured onSpark = analyse(WarehouseSource.over("jdbc:spark:local[2]", "requests", () -> SparkJdbc.connect(spark)),
                definition);
        for (Measured measured : List.of(onDuck, onSpark)) {
            SourceRecord source = measured.source();
            System.out.printf(Locale.ROOT, "  %-9s analysis %6.1f s, fingerprint %5.1f s; came back: %,d rows, %,d bytes "
                            + "(%.4f%% of the events' Parquet)%n", source.engine(), measured.analysis(), measured.fingerprint(),
                    source.resultRows(), source.bytesReturned(), 100.0 * source.bytesReturned() / Files.size(parquet));
        }
        List<String> differences = SampleExperimentsOnSparkTest.differences(SampleExperimentsOnSparkTest.json(onDuck.result()),
                SampleExperimentsOnSparkTest.json(onSpark.result()));
        System.out.printf(Locale.ROOT, "  Spark / DuckDB time %.2f; the two analyses %s%n",
                onSpark.analysis() / onDuck.analysis(), differences.isEmpty() ? "agree to 1e-9 in every number"
                        : "DIFFER in " + differences.size() + " values, e.g. " + differences.get(0));
        Files.deleteIfExists(duck);
    }

    private record Measured(ExperimentResult result, SourceRecord source, double analysis, double fingerprint) {
    }

    private static Measured analyse(WarehouseSource source, ExperimentDefinition definition) throws Exception {
        long start = System.nanoTime();
        ExperimentResult result = ExperimentAnalyzer.analyze(source.statistics(), definition, null, "benchmark", 0);
        double analysis = seconds(start);
        start = System.nanoTime();
        SourceRecord record = source.record();
        return new Measured(result, record, analysis, seconds(start));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
