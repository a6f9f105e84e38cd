package dev.arbiter.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The sample experiments: generated datasets with known truth, committed in small versions under
 * {@code dev/arbiter/samples/NAME/} (events.csv.gz, events.parquet, experiment.json, truth.json),
 * and the generator for larger ones. The app opens them from its menu; the tests analyse them.
 */
public final class SampleCatalog {
    /** The dataset name the samples' experiments read. */
    public static final String DATASET = "events";
    /** The sample a new user sees first. */
    public static final String FIRST = "support-bot";
    private static final List<Scenario> SCENARIOS = List.of(new SupportBot(), new PhotoApp(), new JsonExtraction(),
            SimpleConversion.brokenSplit(), SimpleConversion.aa(), new EvalReplay());
    private static final String ROOT = "/dev/arbiter/samples/";

    private SampleCatalog() {
    }

    /** A sample as menus show it. */
    public record Sample(String name, String title, String description) {
    }

    public static List<Sample> all() {
        return SCENARIOS.stream().map(s -> new Sample(s.name(), s.title(), s.description())).toList();
    }

    /** The sample called {@code name}; the message lists the names when there is none. */
    public static Sample get(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "no sample '" + name + "'; samples: " + String.join(", ", all().stream().map(Sample::name).toList())));
    }

    /** The committed experiment definition of a sample. */
    public static String experimentJson(String name) {
        return text(name, "experiment.json");
    }

    /** The committed truth of a sample (JSON). */
    public static String truthJson(String name) {
        return text(name, "truth.json");
    }

    /**
     * Copies a sample's committed files into {@code dir} (created if needed) and returns the Parquet
     * events file, the fastest to import.
     */
    public static Path extract(String name, Path dir) throws IOException {
        get(name);
        Files.createDirectories(dir);
        for (String file : List.of("events.parquet", "events.csv.gz", "experiment.json", "truth.json")) {
            try (InputStream in = resource(name, file)) {
                Files.copy(in, dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir.resolve("events.parquet");
    }

    /** Generates a sample afresh into {@code dir}: {@code events} events (0: the committed size), from its own seed. */
    public static void generate(String name, Path dir, long events) throws IOException {
        generate(name, dir, events, scenario(name).seed());
    }

    /** Generates a sample afresh into {@code dir}: {@code events} events (0: the committed size), from {@code seed}. */
    public static void generate(String name, Path dir, long events, long seed) throws IOException {
        Scenario scenario = scenario(name);
        long units = events <= 0 ? scenario.defaultUnits() : Math.max(10, Math.round(events / scenario.eventsPerUnit()));
        SampleWriter.write(scenario, dir, units, seed);
    }

    /** The committed events of {@code name} as CSV text, generated afresh (to check the committed files). */
    static String committedCsv(String name) {
        Scenario scenario = scenario(name);
        StringWriter out = new StringWriter();
        SampleWriter.writeCsv(scenario, scenario.defaultUnits(), scenario.seed(), out);
        return out.toString();
    }

    private static Scenario scenario(String name) {
        get(name);
        return SCENARIOS.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static String text(String name, String file) {
        get(name);
        try (InputStream in = resource(name, file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name, String file) throws IOException {
        InputStream in = SampleCatalog.class.getResourceAsStream(ROOT + name + "/" + file);
        if (in == null) {
            throw new IOException("sample '" + name + "' has no " + file + " in this build");
        }
        return in;
    }
}
