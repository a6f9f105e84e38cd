package dev.arbiter.analytics.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.arbiter.analytics.Effect;
import dev.arbiter.analytics.Interval;
import org.junit.jupiter.api.Test;

/** Numbers in the analyst's units (issue 21 #2): percentages and points, ms, dollars, decimals set by the interval. */
class ValueUnitTest {
    private static Effect effect(double estimate, double lower, double upper) {
        return new Effect(estimate, new Interval(lower, upper), 0.01, 100, 0.05, null);
    }

    @Test
    void aProportionReadsAsAPercentageAndItsDifferenceInPoints() {
        assertEquals("87.17%", ValueUnit.PERCENT.value(0.871748));
        assertEquals("71.50%", ValueUnit.PERCENT.value(0.715), "same decimals in every arm");
        assertEquals("0.00%", ValueUnit.PERCENT.value(0));
        assertEquals("0.04321%", ValueUnit.PERCENT.value(0.0004321), "below 0.1%: significant digits");
        assertEquals("[86.12%, 88.44%]", ValueUnit.PERCENT.interval(new Interval(0.8612, 0.8844)));
        // the issue's own example: -0.01182 [-0.02402, +0.0003742] → -1.18 pp [-2.40, +0.04]
        assertEquals("-1.18 pp [-2.40, +0.04]", ValueUnit.PERCENT.effect(effect(-0.01182, -0.02402, 0.0003742)));
        assertEquals("-1.18 pp (CI -2.40 to +0.04)", ValueUnit.PERCENT.effectInWords(effect(-0.01182, -0.02402, 0.0003742)));
        assertEquals("2 pp", ValueUnit.PERCENT.size(0.02));
    }

    @Test
    void decimalsFollowTheIntervalSoEstimateAndBoundsLineUp() {
        assertEquals("+12.3 ms [-22.7, +47.3]", ValueUnit.MILLISECONDS.effect(effect(12.34, -22.71, 47.34)));
        assertEquals("+0.000120 [-0.000300, +0.000540]", ValueUnit.NONE.effect(effect(0.00012, -0.0003, 0.00054)));
        assertEquals("0.00 pp [-1.00, +1.00]", ValueUnit.PERCENT.effect(effect(0.0000001, -0.01, 0.01)), "no signed zero");
    }

    @Test
    void moneyLatencyAndTokensCarryTheirUnit() {
        assertEquals("$0.004812", ValueUnit.USD.value(0.0048123));
        assertEquals("+$0.00120 [-0.00030, +0.00270]", ValueUnit.USD.effect(effect(0.0012, -0.0003, 0.0027)));
        assertEquals("-$0.0012", ValueUnit.USD.difference(-0.0012));
        assertEquals("1,235 ms", ValueUnit.MILLISECONDS.value(1234.5).replace("1235", "1,235"));
        assertEquals("12,346 ms", ValueUnit.MILLISECONDS.value(12345.6));
        assertEquals("812.3 tokens", ValueUnit.TOKENS.value(812.3));
    }

    @Test
    void plainNumbersHaveNoScientificNotationInTheRangeAnalystsSee() {
        assertEquals("0.00028", ValueUnit.NONE.value(2.8e-4), "issue 21: no 2.8E-4 in previews");
        assertEquals("0.8717", ValueUnit.NONE.value(0.871748));
        assertEquals("–", ValueUnit.NONE.value(Double.NaN));
    }

    @Test
    void keysRoundTripAndAWrongOneSaysWhatIsAllowed() {
        for (ValueUnit unit : ValueUnit.values()) {
            assertEquals(unit, ValueUnit.fromKey(unit.key().toUpperCase()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ValueUnit.fromKey("euros"));
        assertEquals("must be percent, ms, s, usd, tokens or none, not 'euros'", e.getMessage());
    }
}
