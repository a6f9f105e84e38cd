package dev.arbiter.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.analytics.Alternative;
import dev.arbiter.analytics.ArmEstimate;
import dev.arbiter.analytics.Comparison;
import dev.arbiter.analytics.SampleMoments;
import dev.arbiter.analytics.SequentialTest;
import dev.arbiter.analytics.WelchTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code arbiter compare [FILE|-]}: two arms' sufficient statistics in, effects with intervals out (JSON). */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare two arms from their sufficient statistics (JSON on FILE or standard input).",
                "Input: {\"kind\":\"mean\"|\"proportion\", \"control\":{\"n\":..,\"sum\":..,\"sumSquares\":..},",
                "        \"treatment\":{...}, \"alpha\":0.05, \"alternative\":\"two-sided\"|\"greater\"|\"less\",",
                "        \"sequential\":{\"tuning\":5000}}   (for proportions sum = successes; sequential optional)",
                "Output: {\"absolute\":{\"effect\",\"ci\",\"se\",\"df\",\"pValue\"}, \"relative\":{\"effect\",\"ci\",\"se\",\"pValue\"}, \"method\"}",
                "See docs/cli.md."})
final class CompareCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "FILE", description = "JSON input; '-' or nothing reads standard input.")
    private String file;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        JsonNode request = parse(read());
        Comparison comparison = compare(request);
        spec.commandLine().getOut().println(Json.write(toJson(comparison)));
        return 0;
    }

    private String read() throws IOException {
        if (file == null || file.equals("-")) {
            InputStream in = System.in;
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("cannot read " + path.toAbsolutePath() + ": no such file");
        }
        return Files.readString(path);
    }

    private JsonNode parse(String text) {
        String source = file == null || file.equals("-") ? "standard input" : file;
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("the input on " + source + " must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid JSON on " + source + " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
    }

    static Comparison compare(JsonNode request) {
        String kind = request.path("kind").asText("");
        if (!kind.equals("mean") && !kind.equals("proportion")) {
            throw new IllegalArgumentException("\"kind\" must be \"mean\" or \"proportion\", got \"" + kind + "\"");
        }
        ArmEstimate control = arm(request, "control", kind);
        ArmEstimate treatment = arm(request, "treatment", kind);
        double alpha = Json.optionalNumber(request, "alpha", 0.05);
        Alternative alternative = Alternative.parse(request.path("alternative").asText("two-sided"));
        String method = kind.equals("mean") ? "Welch t-test on means" : "Welch t-test on proportions, variance p(1-p)";
        if (request.has("sequential") && !request.get("sequential").isNull()) {
            double tuning = Json.optionalNumber(request, "sequential.tuning", SequentialTest.DEFAULT_TUNING);
            return SequentialTest.withDefaults().withAlpha(alpha).withAlternative(alternative).withTuning(tuning)
                    .compare(control, treatment, method);
        }
        return WelchTest.withDefaults().withAlpha(alpha).withAlternative(alternative).compare(control, treatment, method);
    }

    private static ArmEstimate arm(JsonNode request, String name, String kind) {
        double n = Json.requiredNumber(request, name + ".n");
        double sum = Json.requiredNumber(request, name + ".sum");
        if (n < 0 || n != Math.rint(n)) {
            throw new IllegalArgumentException("\"" + name + ".n\" must be a whole number of units, got " + n);
        }
        if (kind.equals("proportion")) {
            if (sum < 0 || sum > n) {
                throw new IllegalArgumentException("\"" + name + ".sum\" (successes) must be between 0 and n = "
                        + (long) n + ", got " + sum);
            }
            return ArmEstimate.proportion((long) n, sum);
        }
        return ArmEstimate.mean(new SampleMoments((long) n, sum, Json.requiredNumber(request, name + ".sumSquares")));
    }

    static ObjectNode toJson(Comparison comparison) {
        ObjectNode root = Json.object();
        root.set("absolute", Json.effect(comparison.absolute(), true));
        root.set("relative", Json.effect(comparison.relative(), false));
        root.put("method", comparison.method());
        root.put("alpha", comparison.alpha());
        root.put("alternative", comparison.alternative().label().toLowerCase(Locale.ROOT));
        return root;
    }
}
