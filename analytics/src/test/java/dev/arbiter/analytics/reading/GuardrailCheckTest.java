package dev.arbiter.analytics.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.analytics.ArmEstimate;
import dev.arbiter.analytics.Comparison;
import dev.arbiter.analytics.SampleMoments;
import dev.arbiter.analytics.WelchTest;
import org.junit.jupiter.api.Test;

class GuardrailCheckTest {
    private static Comparison latency(double controlMean, double treatmentMean, long n) {
        // per-unit SD 200 ms in both arms
        double sd = 200;
        return WelchTest.withDefaults().compare(
                ArmEstimate.of(n, controlMean, sd * sd), ArmEstimate.of(n, treatmentMean, sd * sd), "mean");
    }

    @Test
    void ratioCeilingIsOkAtRiskOrBreached() {
        GuardrailRule rule = new GuardrailRule(GuardrailRule.Kind.MAX_RATIO, 1.3);
        GuardrailCheck ok = GuardrailCheck.evaluate(rule, latency(1000, 1100, 5000));
        assertEquals(GuardrailStatus.OK, ok.status());
        assertEquals(1.1, ok.observed(), 1e-12);
        assertTrue(ok.interval().upper() < 1.3);
        GuardrailCheck atRisk = GuardrailCheck.evaluate(rule, latency(1000, 1280, 20));
        assertEquals(GuardrailStatus.AT_RISK, atRisk.status(), atRisk.explanation());
        assertTrue(atRisk.interval().upper() > 1.3);
        GuardrailCheck breached = GuardrailCheck.evaluate(rule, latency(1000, 1400, 5000));
        assertEquals(GuardrailStatus.BREACHED, breached.status());
        assertTrue(breached.explanation().contains("breached"), breached.explanation());
    }

    @Test
    void valueFloorUsesTheTreatmentsOwnInterval() {
        GuardrailRule rule = new GuardrailRule(GuardrailRule.Kind.MIN_VALUE, 0.9);
        Comparison validity = WelchTest.withDefaults().compare(ArmEstimate.proportion(1000, 960),
                ArmEstimate.proportion(1000, 935), "proportion");
        GuardrailCheck check = GuardrailCheck.evaluate(rule, validity);
        assertEquals(0.935, check.observed(), 1e-12);
        double se = Math.sqrt(0.935 * 0.065 / 1000);
        assertEquals(0.935 - 1.962341461 * se, check.interval().lower(), 1e-6, "t(0.975, 999) = 1.962341461");
        assertEquals(GuardrailStatus.OK, check.status());
        Comparison worse = WelchTest.withDefaults().compare(ArmEstimate.proportion(1000, 960),
                ArmEstimate.proportion(1000, 880), "proportion");
        assertEquals(GuardrailStatus.BREACHED, GuardrailCheck.evaluate(rule, worse).status());
    }

    @Test
    void unestimableGuardrailIsAtRiskWithTheReason() {
        Comparison none = WelchTest.withDefaults().compare(ArmEstimate.mean(SampleMoments.of(0, 0)),
                ArmEstimate.mean(SampleMoments.of(1)), "mean");
        GuardrailCheck check = GuardrailCheck.evaluate(new GuardrailRule(GuardrailRule.Kind.MAX_RATIO, 2), none);
        assertEquals(GuardrailStatus.AT_RISK, check.status());
        assertTrue(check.explanation().startsWith("Cannot be checked yet"), check.explanation());
    }

    @Test
    void rulesAreParsedFromTheirKeys() {
        assertEquals(GuardrailRule.Kind.MIN_VALUE, GuardrailRule.Kind.fromKey("minValue"));
        assertThrows(IllegalArgumentException.class, () -> GuardrailRule.Kind.fromKey("maxSpeed"));
        assertThrows(IllegalArgumentException.class, () -> new GuardrailRule(GuardrailRule.Kind.MAX_RATIO, -1));
    }
}
