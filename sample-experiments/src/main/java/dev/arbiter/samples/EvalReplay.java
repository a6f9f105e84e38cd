package dev.arbiter.samples;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An eval set replayed through two system prompts, paired on the item (issue 18): 600 prompts in
 * three categories, each answered twice by prompt v3, twice by prompt v4, and twice by v3 again two
 * weeks later. A judge scores every answer (1–10 scale) and a checker passes or fails it. Items
 * differ far more in difficulty than the prompts do, so only a paired reading sees the effects.
 * Planted: v4 scores +0.4 on math and writing but −0.6 on code (+0.2 over the set's mix), passes
 * 6 points more often on math and writing and 10 fewer on code, costs 15% more per answer; the
 * replayed v3 scores 0.25 lower (drift of an unchanged model name).
 */
final class EvalReplay implements Scenario {
    private static final String[] ARMS = {"v3", "v4", "v3-replay"};
    private static final String[] CATEGORIES = {"math", "writing", "code"};
    private static final double[] CATEGORY_SHARES = {0.4, 0.4, 0.2};
    /** Judge score, v4 − v3, per category. */
    private static final double[] SCORE_EFFECT = {0.4, 0.4, -0.6};
    /** Pass chance, v4 − v3, per category. */
    private static final double[] PASS_EFFECT = {0.06, 0.06, -0.10};
    private static final double DRIFT_SCORE = -0.25;
    private static final double DRIFT_PASS = -0.03;
    private static final double COST_RATIO = 1.15;
    /** v4's latency, every answer's: its p95 is 1.1 × v3's. */
    private static final double LATENCY_RATIO = 1.1;
    private static final int SAMPLES = 2;
    private static final LocalDateTime REPLAY = Draw.START.plusDays(14);

    @Override
    public String name() {
        return "eval-replay";
    }

    @Override
    public String title() {
        return "Eval-set replay: prompt v4 vs v3, paired on 600 prompts";
    }

    @Override
    public String description() {
        return "600 eval prompts answered twice by each system prompt and judged: v4 is better overall but worse on "
                + "code, costs 15% more, and v3 replayed two weeks later has drifted down. A paired design: each prompt "
                + "is compared with itself.";
    }

    @Override
    public List<String> columns() {
        return List.of("item_id", "category", "prompt_variant", "sample", "ts", "judge_score", "passed", "cost_usd",
                "latency_ms");
    }

    @Override
    public long seed() {
        return 18;
    }

    @Override
    public long defaultUnits() {
        return 600;
    }

    @Override
    public double eventsPerUnit() {
        return ARMS.length * SAMPLES;
    }

    @Override
    public void generate(Draw draw, long units, EventCsv out) {
        for (long i = 0; i < units; i++) {
            int category = draw.pick(CATEGORY_SHARES);
            double difficulty = draw.normal();
            double ease = draw.uniform(0.2, 0.8);
            double baseCost = draw.lognormal(0.002, 0.3);
            for (int arm = 0; arm < ARMS.length; arm++) {
                for (int sample = 1; sample <= SAMPLES; sample++) {
                    answer(draw, out, "p" + (i + 1), category, arm, sample, difficulty, ease, baseCost);
                }
            }
        }
    }

    private static void answer(Draw draw, EventCsv out, String item, int category, int arm, int sample, double difficulty,
                               double ease, double baseCost) {
        double score = 6 + difficulty + scoreEffect(arm, category) + 0.7 * draw.normal();
        boolean passed = draw.chance(ease + passEffect(arm, category));
        double cost = baseCost * (arm == 1 ? COST_RATIO : 1) * draw.lognormal(1, 0.1);
        LocalDateTime time = Draw.plus(arm == 2 ? REPLAY : Draw.START, draw.uniform(0, 6 * 3600));
        out.row(item, CATEGORIES[category], ARMS[arm], sample, Draw.timestamp(time), Draw.fixed(score, 2), passed ? 1 : 0,
                Draw.fixed(cost, 6), Math.round(draw.lognormal(arm == 1 ? 900 * LATENCY_RATIO : 900, 0.35)));
    }

    private static double scoreEffect(int arm, int category) {
        return arm == 1 ? SCORE_EFFECT[category] : arm == 2 ? DRIFT_SCORE : 0;
    }

    private static double passEffect(int arm, int category) {
        return arm == 1 ? PASS_EFFECT[category] : arm == 2 ? DRIFT_PASS : 0;
    }

    @Override
    public String experiment() {
        return """
                {"name": "Eval replay: prompt v4 vs v3",
                 "question": "Does prompt v4 answer our eval set better than v3, at what cost, and has v3 drifted since?",
                 "dataset": "events", "variantColumn": "prompt_variant", "control": "v3", "treatments": ["v4", "v3-replay"],
                 "design": "paired", "itemColumn": "item_id",
                 "primary": {"name": "judge_score", "column": "judge_score", "kind": "unit", "aggregate": "mean",
                             "direction": "increase", "mde": 0.15},
                 "guardrails": [{"name": "cost_per_answer_usd", "column": "cost_usd", "kind": "unit", "aggregate": "mean",
                                 "direction": "decrease", "maxRatio": 1.3},
                                {"name": "p95_latency_ms", "column": "latency_ms", "kind": "quantile", "quantile": 0.95,
                                 "direction": "decrease", "maxRatio": 1.3}],
                 "secondary": [{"name": "pass_rate", "column": "passed", "kind": "unit", "aggregate": "mean",
                                "unit": "percent"},
                               {"name": "latency_ms_mean", "column": "latency_ms", "kind": "unit", "aggregate": "mean",
                                "direction": "decrease"}],
                 "segments": ["category"]}
                """;
    }

    @Override
    public Map<String, Object> truth() {
        Map<String, Object> truth = new LinkedHashMap<>();
        double overall = 0;
        double pass = 0;
        Map<String, Object> byCategory = new LinkedHashMap<>();
        for (int c = 0; c < CATEGORIES.length; c++) {
            overall += CATEGORY_SHARES[c] * SCORE_EFFECT[c];
            pass += CATEGORY_SHARES[c] * PASS_EFFECT[c];
            byCategory.put(CATEGORIES[c], effects(SCORE_EFFECT[c], PASS_EFFECT[c], null));
        }
        truth.put("design", "paired");
        truth.put("items", 600);
        truth.put("v4", effects(round(overall), round(pass), COST_RATIO));
        truth.put("v4LatencyRatio", LATENCY_RATIO);
        truth.put("v4ByCategory", byCategory);
        truth.put("v3Replay", effects(DRIFT_SCORE, DRIFT_PASS, 1.0));
        return truth;
    }

    /** The planted effects against v3, in a fixed order (the committed truth.json is compared byte for byte). */
    private static Map<String, Object> effects(double judgeScore, double passRate, Double costRatio) {
        Map<String, Object> effects = new LinkedHashMap<>();
        effects.put("judgeScore", judgeScore);
        effects.put("passRate", passRate);
        if (costRatio != null) {
            effects.put("costRatio", costRatio);
        }
        return effects;
    }

    private static double round(double value) {
        return Math.round(value * 1e9) / 1e9;
    }
}
