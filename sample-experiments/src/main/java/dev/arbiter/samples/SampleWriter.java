package dev.arbiter.samples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.zip.GZIPOutputStream;

/** Writes one scenario's files: events.csv.gz, events.parquet (through DuckDB), experiment.json, truth.json. */
final class SampleWriter {
    static final long DEFAULT_SEED = 20260302L;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SampleWriter() {
    }

    static void write(Scenario scenario, Path dir, long units, long seed) throws IOException {
        Files.createDirectories(dir);
        Path csv = dir.resolve("events.csv.gz");
        try (Writer out = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(csv), 1 << 16),
                StandardCharsets.UTF_8), 1 << 16)) {
            writeCsv(scenario, units, seed, out);
        }
        parquet(csv, dir.resolve("events.parquet"));
        Files.writeString(dir.resolve("experiment.json"), JSON.writeValueAsString(JSON.readTree(scenario.experiment())) + "\n");
        Files.writeString(dir.resolve("truth.json"), JSON.writeValueAsString(scenario.truth()) + "\n");
    }

    /** The events of {@code units} units as CSV text; the same seed gives the same text. */
    static long writeCsv(Scenario scenario, long units, long seed, Writer out) {
        EventCsv csv = new EventCsv(out, scenario.columns());
        scenario.generate(new Draw(seed ^ scenario.name().hashCode()), units, csv);
        return csv.rows();
    }

    private static void parquet(Path csv, Path parquet) throws IOException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * FROM read_csv(" + literal(csv) + ")) TO " + literal(parquet)
                    + " (FORMAT parquet, COMPRESSION zstd)");
        } catch (SQLException e) {
            throw new IOException("cannot write " + parquet + ": " + e.getMessage(), e);
        }
    }

    /** A path as an SQL string literal (Arbiter's own paths; COPY takes no parameters). */
    private static String literal(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
