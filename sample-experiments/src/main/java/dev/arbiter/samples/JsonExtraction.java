package dev.arbiter.samples;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON extraction, split per request: gpt-4.1-mini (control) against DeepSeek. Schema validity is
 * the primary (95.5% vs 95.0%); DeepSeek is cheaper, but from 9 March its provider slows down and
 * its latency doubles, so the p95 latency guardrail (≤ 1.3× control) fires on that day.
 */
final class JsonExtraction implements Scenario {
    /** The day DeepSeek's latency doubles. */
    static final LocalDate SLOWDOWN = Draw.START.toLocalDate().plusDays(7);
    private static final double[] VALID = {0.955, 0.950};
    private static final String[] ARMS = {"gpt", "deepseek"};
    private static final String[] MODELS = {"gpt-4.1-mini", "deepseek-chat"};
    private static final double[] LATENCY_MEDIAN = {1400, 1450};
    private static final String[] DOCUMENTS = {"invoice", "receipt", "contract"};

    @Override
    public String name() {
        return "json-extraction";
    }

    @Override
    public String title() {
        return "JSON extraction: GPT vs DeepSeek (per request)";
    }

    @Override
    public String description() {
        return "20,000 extraction requests over two weeks, split per request. Schema validity is the primary; "
                + "DeepSeek's provider slows down on 9 March and the p95 latency guardrail fires that day.";
    }

    @Override
    public List<String> columns() {
        return List.of("request_id", "ts", "variant", "model", "doc_type", "latency_ms", "tokens_in", "tokens_out",
                "cost_usd", "schema_valid");
    }

    @Override
    public long defaultUnits() {
        return 20_000;
    }

    @Override
    public double eventsPerUnit() {
        return 1;
    }

    @Override
    public void generate(Draw draw, long units, EventCsv out) {
        for (long r = 0; r < units; r++) {
            int arm = draw.chance(0.5) ? 0 : 1;
            LocalDateTime time = draw.startTime(14);
            boolean slow = arm == 1 && !time.toLocalDate().isBefore(SLOWDOWN);
            String document = DOCUMENTS[draw.pick(0.5, 0.3, 0.2)];
            double latency = draw.lognormal(LATENCY_MEDIAN[arm] * (slow ? 2.0 : 1.0) * (document.equals("contract") ? 1.5 : 1), 0.4);
            int tokensIn = draw.between(800, 3200);
            int tokensOut = draw.between(150, 450);
            out.row("x" + (r + 1), Draw.timestamp(time), ARMS[arm], MODELS[arm], document, Draw.fixed(latency, 1),
                    tokensIn, tokensOut, Draw.fixed(Prices.cost(MODELS[arm], tokensIn, tokensOut), 7),
                    draw.chance(VALID[arm] - (document.equals("contract") ? 0.03 : 0)));
        }
    }

    @Override
    public String experiment() {
        return """
                {"name": "JSON extraction: GPT vs DeepSeek",
                 "question": "Is DeepSeek's JSON as valid as GPT's, within half a point, for less?",
                 "dataset": "events", "variantColumn": "variant", "control": "gpt", "treatments": ["deepseek"],
                 "split": {"gpt": 0.5, "deepseek": 0.5}, "unitColumn": "request_id", "timestampColumn": "ts",
                 "alpha": 0.05, "power": 0.8,
                 "primary": {"name": "schema_validity", "column": "schema_valid", "kind": "unit", "aggregate": "max",
                             "direction": "increase", "mde": 0.01, "nonInferiorityMargin": 0.005},
                 "guardrails": [
                   {"name": "p95_latency_ms", "column": "latency_ms", "kind": "quantile", "quantile": 0.95,
                    "direction": "decrease", "maxRatio": 1.3},
                   {"name": "cost_per_request_usd", "column": "cost_usd", "kind": "unit", "aggregate": "sum",
                    "direction": "decrease", "maxRatio": 1.0},
                   {"name": "json_validity_floor", "column": "schema_valid", "kind": "ratio", "direction": "increase",
                    "minValue": 0.9}],
                 "segments": ["doc_type"], "modelColumn": "model"}
                """;
    }

    @Override
    public Map<String, Object> truth() {
        Map<String, Object> truth = new LinkedHashMap<>();
        double control = 0.5 * VALID[0] + 0.3 * VALID[0] + 0.2 * (VALID[0] - 0.03);
        double treatment = 0.5 * VALID[1] + 0.3 * VALID[1] + 0.2 * (VALID[1] - 0.03);
        truth.put("schema_validity", Map.of("control", control, "treatment", treatment, "absoluteEffect", treatment - control));
        truth.put("p95_latency_ms", Map.of("slowdownFrom", SLOWDOWN.toString(), "latencyFactorFrom", 2.0,
                "guardrailFiresOn", SLOWDOWN.toString()));
        truth.put("srmFlagged", false);
        return truth;
    }
}
