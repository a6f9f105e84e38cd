package dev.arbiter.samples;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Photo app, split per user: gemini-2.5-flash (control) against flash-lite, both with a gpt-4.1-nano
 * fallback. Users edit photos (one model call per edit) and export some; each user's export
 * propensity shows in the events before their exposure too, so CUPED has a covariate. Fallback runs
 * at 1.5%, except on 7 March when the provider has an outage (25%). Flash-lite is faster and
 * cheaper, rated lower (3.95 vs 4.11), and users convert and return slightly less.
 */
final class PhotoApp implements Scenario {
    /** The provider outage day. */
    static final LocalDate OUTAGE = Draw.START.toLocalDate().plusDays(5);
    private static final String[] ARMS = {"flash", "flash-lite"};
    private static final String[] MODELS = {"gemini-2.5-flash", "gemini-2.5-flash-lite"};
    private static final String FALLBACK = "gpt-4.1-nano";
    private static final double[] EXPORT_FACTOR = {1.0, 0.93};
    private static final double[] LATENCY_MEDIAN = {3000, 2200};
    private static final double[] ERROR = {0.004, 0.008};
    private static final double[] PURCHASE = {0.040, 0.038};
    private static final double[] RETAINED = {0.42, 0.40};
    private static final double[][] RATING = {{0.03, 0.05, 0.12, 0.38, 0.42}, {0.04, 0.07, 0.15, 0.38, 0.36}};

    @Override
    public String name() {
        return "photo-app";
    }

    @Override
    public String title() {
        return "Photo app: gemini-2.5-flash vs flash-lite, with fallback (per user)";
    }

    @Override
    public String description() {
        return "6,000 users over two weeks, split per user, with their edits before the test (a CUPED covariate). "
                + "Export rate, time to export, paywall conversion, rating and retention; fallback spikes on 7 March.";
    }

    @Override
    public List<String> columns() {
        return List.of("user_id", "ts", "variant", "model", "latency_ms", "fallback", "api_error", "exported",
                "time_to_export_s", "rating", "purchased", "retained_d7", "platform");
    }

    @Override
    public long defaultUnits() {
        return 6_000;
    }

    @Override
    public double eventsPerUnit() {
        return 6.5;
    }

    @Override
    public void generate(Draw draw, long units, EventCsv out) {
        for (long u = 0; u < units; u++) {
            String user = "p" + (u + 1);
            int arm = draw.chance(0.5) ? 0 : 1;
            double propensity = Math.min(0.9, draw.lognormal(0.25, 0.6));
            String platform = draw.chance(0.55) ? "ios" : "android";
            LocalDateTime exposure = draw.startTime(14);
            int before = draw.between(0, 4);
            for (int i = 0; i < before; i++) {
                LocalDateTime time = exposure.minusHours(draw.between(2, 24 * 20));
                boolean exported = draw.chance(propensity);
                out.row(user, Draw.timestamp(time), null, MODELS[0], Draw.fixed(draw.lognormal(3000, 0.5), 1), false, false,
                        exported ? 1 : 0, exported ? Draw.fixed(draw.lognormal(40, 0.5), 1) : null, null, 0, null, platform);
            }
            boolean retained = draw.chance(RETAINED[arm]);
            boolean purchases = draw.chance(PURCHASE[arm]);
            int edits = draw.between(1, 8);
            LocalDateTime time = exposure;
            for (int i = 0; i < edits; i++) {
                boolean outage = time.toLocalDate().equals(OUTAGE);
                boolean fallback = draw.chance(outage ? 0.25 : 0.015);
                double latency = draw.lognormal(fallback ? 1800 : LATENCY_MEDIAN[arm], 0.5);
                boolean error = draw.chance(ERROR[arm]);
                boolean exported = !error && draw.chance(propensity * EXPORT_FACTOR[arm]);
                Integer rating = !error && draw.chance(0.2) ? 1 + draw.pick(RATING[arm]) : null;
                out.row(user, Draw.timestamp(time), ARMS[arm], fallback ? FALLBACK : MODELS[arm], Draw.fixed(latency, 1),
                        fallback, error, exported ? 1 : 0, exported ? Draw.fixed(draw.lognormal(arm == 0 ? 40 : 35, 0.5), 1) : null,
                        rating, purchases && i == edits - 1 ? 1 : 0, retained ? 1 : 0, platform);
                time = Draw.plus(time, latency / 1000 + draw.uniform(30, 1800));
            }
        }
    }

    @Override
    public String experiment() {
        return """
                {"name": "Photo app: flash vs flash-lite",
                 "question": "Does flash-lite keep export rate within 2 points of flash, faster and cheaper?",
                 "dataset": "events", "variantColumn": "variant", "control": "flash", "treatments": ["flash-lite"],
                 "split": {"flash": 0.5, "flash-lite": 0.5}, "unitColumn": "user_id", "timestampColumn": "ts",
                 "alpha": 0.05, "power": 0.8,
                 "primary": {"name": "export_rate", "column": "exported", "kind": "unit", "aggregate": "max",
                             "direction": "increase", "mde": 0.02, "covariate": "preExposure"},
                 "guardrails": [
                   {"name": "fallback_share", "column": "fallback", "kind": "ratio", "direction": "decrease", "maxValue": 0.05},
                   {"name": "api_error_rate", "column": "api_error", "kind": "ratio", "direction": "decrease", "maxRatio": 2.0},
                   {"name": "p95_latency_ms", "column": "latency_ms", "kind": "quantile", "quantile": 0.95,
                    "direction": "decrease", "maxRatio": 1.2}],
                 "secondary": [
                   {"name": "exports_per_user", "column": "exported", "kind": "unit", "aggregate": "sum",
                    "direction": "increase", "covariate": "preExposure"},
                   {"name": "time_to_export_s", "column": "time_to_export_s", "kind": "ratio", "direction": "decrease"},
                   {"name": "paywall_conversion", "column": "purchased", "kind": "unit", "aggregate": "max", "direction": "increase"},
                   {"name": "rating", "column": "rating", "kind": "ratio", "direction": "increase"},
                   {"name": "export_retention_d7", "column": "retained_d7", "kind": "unit", "aggregate": "max",
                    "direction": "increase"}],
                 "segments": ["platform"], "modelColumn": "model", "fallbackColumn": "fallback"}
                """;
    }

    @Override
    public Map<String, Object> truth() {
        Map<String, Object> truth = new LinkedHashMap<>();
        truth.put("rating", Map.of("control", mean(RATING[0]), "treatment", mean(RATING[1]),
                "absoluteEffect", mean(RATING[1]) - mean(RATING[0])));
        truth.put("paywall_conversion", Map.of("control", PURCHASE[0], "treatment", PURCHASE[1],
                "absoluteEffect", PURCHASE[1] - PURCHASE[0]));
        truth.put("export_retention_d7", Map.of("control", RETAINED[0], "treatment", RETAINED[1],
                "absoluteEffect", RETAINED[1] - RETAINED[0]));
        truth.put("api_error_rate", Map.of("control", ERROR[0], "treatment", ERROR[1], "ratio", ERROR[1] / ERROR[0]));
        truth.put("exportPropensityFactor", EXPORT_FACTOR[1]);
        truth.put("fallbackRate", 0.015);
        truth.put("outageDay", OUTAGE.toString());
        truth.put("outageFallbackRate", 0.25);
        truth.put("srmFlagged", false);
        return truth;
    }

    private static double mean(double[] weights) {
        double mean = 0;
        for (int i = 0; i < weights.length; i++) {
            mean += (i + 1) * weights[i];
        }
        return mean;
    }
}
