package dev.arbiter.samples;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A per-user conversion test with a revenue metric, in two variants: the A/A test (two identical
 * arms: no difference must be found) and the broken split (assignment sends 53% of users to
 * control instead of 50%: the sample ratio check must flag it).
 */
final class SimpleConversion implements Scenario {
    private static final double CONVERSION = 0.10;
    private static final double REVENUE_MEDIAN = 20;
    private final boolean broken;

    private SimpleConversion(boolean broken) {
        this.broken = broken;
    }

    static SimpleConversion aa() {
        return new SimpleConversion(false);
    }

    static SimpleConversion brokenSplit() {
        return new SimpleConversion(true);
    }

    private String[] arms() {
        return broken ? new String[] {"control", "treatment"} : new String[] {"a1", "a2"};
    }

    @Override
    public String name() {
        return broken ? "broken-split" : "a-a";
    }

    @Override
    public String title() {
        return broken ? "Broken split: a sample ratio mismatch (per user)" : "A/A test: two identical arms (per user)";
    }

    @Override
    public String description() {
        return broken ? "10,000 users planned 50/50, but a bot filter drops treatment users: 53/47. The sample ratio "
                + "check must flag it before anyone reads the results."
                : "10,000 users in two identical arms. Nothing may come out significant but by chance.";
    }

    @Override
    public List<String> columns() {
        return List.of("user_id", "ts", "variant", "event", "revenue_usd", "converted");
    }

    @Override
    public long defaultUnits() {
        return 10_000;
    }

    @Override
    public double eventsPerUnit() {
        return 2.1;
    }

    @Override
    public void generate(Draw draw, long units, EventCsv out) {
        String[] arms = arms();
        for (long u = 0; u < units; u++) {
            int arm = draw.chance(broken ? 0.53 : 0.5) ? 0 : 1;
            LocalDateTime time = draw.startTime(14);
            String user = "u" + (u + 1);
            out.row(user, Draw.timestamp(time), arms[arm], "visit", null, false);
            if (draw.chance(0.6)) {
                time = Draw.plus(time, draw.uniform(30, 600));
                out.row(user, Draw.timestamp(time), arms[arm], "chat", null, false);
            }
            if (draw.chance(CONVERSION)) {
                time = Draw.plus(time, draw.uniform(60, 3600));
                out.row(user, Draw.timestamp(time), arms[arm], "purchase", Draw.fixed(draw.lognormal(REVENUE_MEDIAN, 0.8), 2), true);
            }
        }
    }

    @Override
    public String experiment() {
        String[] arms = arms();
        return """
                {"name": "%s",
                 "question": "%s",
                 "dataset": "events", "variantColumn": "variant", "control": "%s", "treatments": ["%s"],
                 "split": {"%s": 0.5, "%s": 0.5}, "unitColumn": "user_id", "timestampColumn": "ts",
                 "primary": {"name": "conversion", "column": "converted", "kind": "unit", "aggregate": "max",
                             "direction": "increase", "mde": 0.01},
                 "secondary": [{"name": "revenue_per_user_usd", "column": "revenue_usd", "kind": "unit",
                                "aggregate": "sum", "direction": "increase"}]}
                """.formatted(broken ? "Checkout redesign (broken split)" : "A/A test", broken
                ? "Does the new checkout convert better?" : "Does the platform find a difference where there is none?",
                arms[0], arms[1], arms[0], arms[1]);
    }

    @Override
    public Map<String, Object> truth() {
        Map<String, Object> truth = new LinkedHashMap<>();
        truth.put("conversion", Map.of("control", CONVERSION, "treatment", CONVERSION, "absoluteEffect", 0.0));
        truth.put("plannedControlShare", 0.5);
        truth.put("actualControlShare", broken ? 0.53 : 0.5);
        truth.put("srmFlagged", broken);
        return truth;
    }
}
