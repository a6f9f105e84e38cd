package dev.arbiter.samples;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Support bot, split per session: Claude Sonnet (control) against Haiku. Haiku resolves easy
 * tickets slightly better and complex ones clearly worse (0.915 vs 0.90, 0.73 vs 0.805), which makes
 * 0.8595 against 0.8715 overall; it refuses a little more, answers faster and shorter, and costs
 * 4.2× less per ticket. About 1% of requests fall back to gpt-4.1-nano.
 */
final class SupportBot implements Scenario {
    static final double EASY_SHARE = 0.7;
    private static final double[][] RESOLVE = {{0.90, 0.805}, {0.915, 0.73}}; // [arm][easy, complex]
    private static final double[] REFUSE = {0.020, 0.025};
    private static final double[] LATENCY_MEDIAN = {2200, 1100};
    private static final int[][] TOKENS_OUT = {{100, 500}, {60, 277}};
    private static final String[] ARMS = {"sonnet", "haiku"};
    private static final String[] MODELS = {"claude-sonnet-4-5", "claude-haiku-4-5"};
    private static final String FALLBACK = "gpt-4.1-nano";
    private static final double FALLBACK_RATE = 0.01;
    private static final String[] PLANS = {"free", "pro", "enterprise"};
    private static final String[] COUNTRIES = {"US", "DE", "IN", "BR", "GB"};

    @Override
    public String name() {
        return "support-bot";
    }

    @Override
    public String title() {
        return "Support bot: Claude Sonnet vs Haiku (per session)";
    }

    @Override
    public String description() {
        return "12,000 support sessions over two weeks, split per session. Does Haiku resolve tickets at >= 95% of "
                + "Sonnet's rate? Overall it is a knife edge; Haiku is 4.2x cheaper per ticket, but worse on complex tickets.";
    }

    @Override
    public List<String> columns() {
        return List.of("request_id", "session_id", "user_id", "ts", "variant", "model", "latency_ms", "ttft_ms",
                "tokens_in", "tokens_out", "cost_usd", "refusal", "fallback", "resolved", "complexity", "plan", "country");
    }

    @Override
    public long defaultUnits() {
        return 12_000;
    }

    /** A seed whose data reads like the article: −1.2 points, upper 95% bound just above 0. */
    @Override
    public long seed() {
        return 11;
    }

    @Override
    public double eventsPerUnit() {
        return 3;
    }

    @Override
    public void generate(Draw draw, long units, EventCsv out) {
        long request = 0;
        for (long s = 0; s < units; s++) {
            int arm = draw.chance(0.5) ? 0 : 1;
            boolean easy = draw.chance(EASY_SHARE);
            String plan = PLANS[draw.pick(0.55, 0.35, 0.10)];
            String country = COUNTRIES[draw.pick(0.4, 0.15, 0.2, 0.1, 0.15)];
            String user = "u" + draw.between(1, (int) Math.max(2, units * 2 / 3));
            int requests = draw.between(1, 5);
            LocalDateTime time = draw.startTime(14);
            for (int i = 0; i < requests; i++) {
                boolean fallback = draw.chance(FALLBACK_RATE);
                String model = fallback ? FALLBACK : MODELS[arm];
                double latency = draw.lognormal(LATENCY_MEDIAN[arm] * (easy ? 1 : 1.4), 0.45);
                int tokensIn = draw.between(400, 1200);
                int tokensOut = draw.between(TOKENS_OUT[arm][0], TOKENS_OUT[arm][1]);
                boolean resolved = i == requests - 1 && draw.chance(RESOLVE[arm][easy ? 0 : 1]);
                out.row("r" + (++request), "s" + (s + 1), user, Draw.timestamp(time), ARMS[arm], model,
                        Draw.fixed(latency, 1), Draw.fixed(latency * draw.uniform(0.15, 0.3), 1), tokensIn, tokensOut,
                        Draw.fixed(Prices.cost(model, tokensIn, tokensOut), 7), draw.chance(REFUSE[arm]), fallback,
                        resolved ? 1 : 0, easy ? "easy" : "complex", plan, country);
                time = Draw.plus(time, latency / 1000 + draw.uniform(20, 90));
            }
        }
    }

    @Override
    public String experiment() {
        return """
                {"name": "Support bot: Sonnet vs Haiku",
                 "question": "Does Haiku resolve tickets at >= 95% of Sonnet's rate?",
                 "dataset": "events", "variantColumn": "variant", "control": "sonnet",
                 "treatments": ["haiku"], "split": {"sonnet": 0.5, "haiku": 0.5},
                 "unitColumn": "session_id", "timestampColumn": "ts",
                 "alpha": 0.05, "power": 0.8,
                 "sequential": {"enabled": false, "plannedUnitsPerArm": 4724},
                 "primary": {"name": "resolution_rate", "column": "resolved", "kind": "unit",
                             "aggregate": "max", "direction": "increase", "mde": 0.02,
                             "nonInferiorityMargin": 0.05, "nonInferiorityRelative": true},
                 "guardrails": [
                   {"name": "p95_latency_ms", "column": "latency_ms", "kind": "quantile",
                    "quantile": 0.95, "direction": "decrease", "maxRatio": 1.3},
                   {"name": "refusal_rate", "column": "refusal", "kind": "ratio",
                    "direction": "decrease", "maxRatio": 2.0},
                   {"name": "cost_per_session_usd", "column": "cost_usd", "kind": "unit",
                    "aggregate": "sum", "direction": "decrease", "maxRatio": 1.0}],
                 "secondary": [
                   {"name": "requests_per_session", "kind": "unit", "aggregate": "count", "direction": "decrease"},
                   {"name": "ttft_ms_mean", "column": "ttft_ms", "kind": "ratio", "direction": "decrease"}],
                 "segments": ["complexity", "plan", "country"],
                 "modelColumn": "model", "fallbackColumn": "fallback", "costMetric": "cost_per_session_usd"}
                """;
    }

    @Override
    public Map<String, Object> truth() {
        Map<String, Object> truth = new LinkedHashMap<>();
        double control = resolution(0);
        double treatment = resolution(1);
        truth.put("resolution_rate", Map.of("control", control, "treatment", treatment, "absoluteEffect", treatment - control));
        truth.put("resolution_rate_by_complexity", Map.of(
                "easy", Map.of("absoluteEffect", RESOLVE[1][0] - RESOLVE[0][0]),
                "complex", Map.of("absoluteEffect", RESOLVE[1][1] - RESOLVE[0][1])));
        truth.put("refusal_rate", Map.of("control", REFUSE[0], "treatment", REFUSE[1], "ratio", REFUSE[1] / REFUSE[0]));
        double costControl = costPerSession(0);
        double costTreatment = costPerSession(1);
        truth.put("cost_per_session_usd", Map.of("control", costControl, "treatment", costTreatment,
                "ratio", costTreatment / costControl));
        truth.put("fallback_rate", FALLBACK_RATE);
        truth.put("srmFlagged", false);
        return truth;
    }

    private static double resolution(int arm) {
        return EASY_SHARE * RESOLVE[arm][0] + (1 - EASY_SHARE) * RESOLVE[arm][1];
    }

    /** E[requests] × E[cost per request], fallback included: tokens are uniform, prices linear. */
    private static double costPerSession(int arm) {
        double tokensIn = (400 + 1200) / 2.0;
        double tokensOut = (TOKENS_OUT[arm][0] + TOKENS_OUT[arm][1]) / 2.0;
        double perRequest = (1 - FALLBACK_RATE) * Prices.cost(MODELS[arm], tokensIn, tokensOut)
                + FALLBACK_RATE * Prices.cost(FALLBACK, tokensIn, tokensOut);
        return 3 * perRequest;
    }
}
