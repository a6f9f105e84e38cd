package dev.arbiter.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The peer of issue 22: the analysis an analyst would otherwise write in a polars notebook
 * ({@code notebook.py}, bundled), run by a Python that has polars, numpy and scipy on a Parquet
 * file of the events, and checked number by number against {@code arbiter analyze --json}.
 */
final class AnalystNotebook {
    /** Relative tolerance of the check (sums in another order differ in the last digits only). */
    static final double TOLERANCE = 1e-9;
    private static final String SCRIPT = "notebook.py";

    private final String python;
    private final Path script;

    private AnalystNotebook(String python, Path script) {
        this.python = python;
        this.script = script;
    }

    /**
     * The notebook written into {@code dir}, run by {@code python}; null (with the reason printed)
     * when that Python lacks polars, numpy or scipy.
     */
    static AnalystNotebook find(String python, Path dir, PrintWriter out) throws IOException, InterruptedException {
        String missing = missingModules(python);
        if (missing != null) {
            out.println("The polars notebook is left out: " + missing + " (pip install polars numpy scipy, or give --python)");
            return null;
        }
        Path script = dir.resolve(SCRIPT);
        try (InputStream text = AnalystNotebook.class.getResourceAsStream(SCRIPT)) {
            if (text == null) {
                throw new IOException(SCRIPT + " is not in this build of arbiter.jar");
            }
            Files.copy(text, script, StandardCopyOption.REPLACE_EXISTING);
        }
        return new AnalystNotebook(python, script);
    }

    /** Why {@code python} cannot run the notebook, or null when it can. */
    private static String missingModules(String python) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(python, "-c", "import polars, numpy, scipy").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return python + " did not answer";
            }
            return process.exitValue() == 0 ? null : python + " cannot import polars, numpy and scipy";
        } catch (IOException e) {
            return python + " cannot be run (" + e.getMessage() + ")";
        }
    }

    /** The notebook's command on a Parquet file of the events; it prints its readings as JSON. */
    List<String> command(Path parquet) {
        return List.of(python, script.toString(), parquet.toString());
    }

    /** Which Python ran the notebook, for the benchmark's lines. */
    String describe() {
        return python + " with polars (" + SCRIPT + ")";
    }

    /**
     * Every number the notebook printed — per metric the arms' units, values and intervals, and the
     * effect, its interval and p-value; the same by segment value and by day — compared with
     * Arbiter's analysis JSON: the differences beyond {@link #TOLERANCE} (relative), as lines.
     */
    static Check compare(JsonNode notebook, JsonNode arbiter) {
        Check check = new Check();
        metrics(check, "", notebook.path("metrics"), arbiter.path("metrics"));
        for (JsonNode segment : notebook.path("segments")) {
            JsonNode theirs = find(arbiter.path("segments"), s -> s.path("column").equals(segment.path("column"))
                    && s.path("value").equals(segment.path("value")));
            String where = segment.path("column").asText() + "=" + segment.path("value").asText() + " ";
            metrics(check, where, segment.path("metrics"), theirs == null ? null : theirs.path("metrics"));
        }
        for (JsonNode day : notebook.path("series")) {
            JsonNode theirs = find(arbiter.path("series"), s -> s.path("day").equals(day.path("day")));
            metrics(check, day.path("day").asText() + " ", day.path("metrics"), theirs == null ? null : theirs.path("metrics"));
        }
        return check;
    }

    /** How many numbers were compared, and those that differ. */
    static final class Check {
        private int compared;
        private final List<String> differences = new ArrayList<>();

        int compared() {
            return compared;
        }

        List<String> differences() {
            return List.copyOf(differences);
        }

        void number(String where, JsonNode mine, JsonNode theirs) {
            compared++;
            if (theirs == null || !theirs.isNumber() || !mine.isNumber()) {
                if (!mine.equals(theirs)) {
                    differences.add(where + ": notebook " + mine + ", Arbiter " + theirs);
                }
                return;
            }
            double a = mine.asDouble();
            double b = theirs.asDouble();
            if (Math.abs(a - b) > TOLERANCE * Math.max(Math.abs(a), Math.abs(b)) + 1e-12) {
                differences.add(String.format(Locale.ROOT, "%s: notebook %s, Arbiter %s", where, a, b));
            }
        }

        void missing(String where) {
            compared++;
            differences.add(where + ": not in Arbiter's analysis");
        }
    }

    private static void metrics(Check check, String where, JsonNode mine, JsonNode theirs) {
        for (JsonNode metric : mine) {
            String name = where + metric.path("name").asText();
            JsonNode other = theirs == null ? null : find(theirs, m -> m.path("name").equals(metric.path("name")));
            if (other == null) {
                check.missing(name);
                continue;
            }
            for (JsonNode arm : metric.path("arms")) {
                JsonNode otherArm = find(other.path("arms"), a -> a.path("name").equals(arm.path("name")));
                String at = name + " " + arm.path("name").asText();
                if (otherArm == null) {
                    check.missing(at);
                    continue;
                }
                check.number(at + " units", arm.path("units"), otherArm.path("units"));
                check.number(at + " value", arm.path("value"), otherArm.path("value"));
                pair(check, at + " ci", arm.path("ci"), otherArm.path("ci"));
            }
            JsonNode effect = metric.path("comparisons").path(0);
            JsonNode otherEffect = other.path("comparisons").path(0);
            check.number(name + " effect", effect.path("absoluteEffect"), otherEffect.path("absoluteEffect"));
            pair(check, name + " effect ci", effect.path("absoluteCi"), otherEffect.path("absoluteCi"));
            check.number(name + " p-value", effect.path("pValue"), otherEffect.path("pValue"));
        }
    }

    private static void pair(Check check, String where, JsonNode mine, JsonNode theirs) {
        for (int i = 0; i < 2; i++) {
            check.number(where + (i == 0 ? " lower" : " upper"), mine.path(i), theirs.path(i));
        }
    }

    private static JsonNode find(JsonNode array, Predicate<JsonNode> which) {
        for (JsonNode node : array) {
            if (which.test(node)) {
                return node;
            }
        }
        return null;
    }
}
