package dev.arbiter.analytics;

import static dev.arbiter.analytics.Close.assertClose;
import static dev.arbiter.analytics.Close.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Expected values: reference-values.R block E (R 4.2.2): θ = cov(y, x)/var(x) over both arms
 * pooled, then {@code t.test(yt - theta*xt, yc - theta*xc)}. The raw data R generated is in
 * cuped-e1.txt.
 */
class CupedTest {
    private static Map<String, double[]> data() throws IOException {
        return data("e1");
    }

    private static Map<String, double[]> data(String name) throws IOException {
        try (InputStream in = CupedTest.class.getResourceAsStream("/r/cuped-" + name + ".txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, double[]> columns = new HashMap<>();
            for (String line : text.split("\n")) {
                String[] parts = line.trim().split("\\s*=\\s*", 2);
                if (parts.length == 2) {
                    columns.put(parts[0], Arrays.stream(parts[1].trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray());
                }
            }
            return columns;
        }
    }

    @Test
    void meanCupedMatchesWelchOnAdjustedValuesInR() throws IOException {
        Map<String, double[]> d = data();
        CovariateMoments control = CovariateMoments.of(d.get("E1.yc"), d.get("E1.xc"));
        CovariateMoments treatment = CovariateMoments.of(d.get("E1.yt"), d.get("E1.xt"));
        Cuped.Result cuped = Cuped.mean(control, treatment);
        assertClose(0.841854799782902, cuped.theta(), 1e-9, "theta");
        Comparison result = cuped.compare(WelchTest.withDefaults(), "CUPED mean");
        // R: t.test(yt - theta*xt, yc - theta*xc)  [E1.abs]
        assertClose(0.354190198734065, result.absolute().estimate(), 1e-9, "estimate");
        assertClose(0.216616526056112, result.absolute().ci().lower(), 1e-9, "ci lower");
        assertClose(0.491763871412017, result.absolute().ci().upper(), 1e-9, "ci upper");
        assertClose(0.0700822324660482, result.absolute().standardError(), 1e-9, "se");
        assertClose(774.388226473164, result.absolute().degreesOfFreedom(), 1e-8, "df");
        assertRelative(5.40457413740312e-07, result.absolute().pValue(), 1e-6, "p");
        // R: t.test(yt, yc)$stderr = 0.112229855424529; CUPED cuts the SE by ~38%
        Comparison plain = WelchTest.withDefaults().compare(ArmEstimate.mean(control.metric()),
                ArmEstimate.mean(treatment.metric()), "mean");
        assertClose(0.112229855424529, plain.absolute().standardError(), 1e-9, "unadjusted se");
        assertTrue(cuped.varianceReduction() > 0.5, "rho^2 = " + cuped.varianceReduction());
    }

    @Test
    void proportionCupedWithABinaryCovariate() throws IOException {
        // R 4.2.2: binary y and x, theta pooled, t.test on y - theta x  [E2]
        Map<String, double[]> d = data("e2");
        Cuped.Result cuped = Cuped.mean(CovariateMoments.of(d.get("E2.yc"), d.get("E2.xc")),
                CovariateMoments.of(d.get("E2.yt"), d.get("E2.xt")));
        assertClose(0.387504221546775, cuped.theta(), 1e-9, "theta");
        Comparison result = cuped.compare(WelchTest.withDefaults(), "CUPED proportion");
        assertClose(0.0181836801496376, result.absolute().estimate(), 1e-9, "estimate");
        assertClose(-0.0360788396936296, result.absolute().ci().lower(), 1e-9, "ci lower");
        assertClose(0.0724461999929047, result.absolute().ci().upper(), 1e-9, "ci upper");
        assertClose(1017.94048080107, result.absolute().degreesOfFreedom(), 1e-8, "df");
        assertRelative(0.5109586491761842, result.absolute().pValue(), 1e-8, "p");
    }

    @Test
    void weakCovariateOnSmallSamples() throws IOException {
        // R 4.2.2: 60 vs 55 units, covariate barely correlated  [E3]
        Map<String, double[]> d = data("e3");
        Cuped.Result cuped = Cuped.mean(CovariateMoments.of(d.get("E3.yc"), d.get("E3.xc")),
                CovariateMoments.of(d.get("E3.yt"), d.get("E3.xt")));
        assertClose(0.211181139048764, cuped.theta(), 1e-9, "theta");
        Comparison result = cuped.compare(WelchTest.withDefaults(), "CUPED mean");
        assertClose(0.0972448195654798, result.absolute().estimate(), 1e-9, "estimate");
        assertClose(0.1660974533528473, result.absolute().standardError(), 1e-9, "se");
        assertClose(111.000575784644, result.absolute().degreesOfFreedom(), 1e-8, "df");
        assertRelative(0.559421181852235, result.absolute().pValue(), 1e-8, "p");
    }

    @Test
    void relativeLiftDividesByTheUnadjustedControlMean() throws IOException {
        Map<String, double[]> d = data();
        CovariateMoments control = CovariateMoments.of(d.get("E1.yc"), d.get("E1.xc"));
        Comparison result = Cuped.mean(control, CovariateMoments.of(d.get("E1.yt"), d.get("E1.xt")))
                .compare(WelchTest.withDefaults(), "CUPED mean");
        assertClose(result.absolute().estimate() / control.metric().mean(), result.relative().estimate(), 1e-12, "relative");
    }

    @Test
    void covariateWithoutVarianceFallsBackAndSaysSo() {
        double[] y1 = {1, 3, 2, 5, 4};
        double[] y2 = {2, 6, 4, 5, 7};
        double[] x = {1, 1, 1, 1, 1};
        Cuped.Result cuped = Cuped.mean(CovariateMoments.of(y1, x), CovariateMoments.of(y2, x));
        assertEquals(0, cuped.theta());
        Comparison result = cuped.compare(WelchTest.withDefaults(), "CUPED mean");
        assertTrue(result.notes().contains("CUPED not applied: the covariate has no variance"), result.notes().toString());
        Comparison plain = WelchTest.withDefaults().compare(ArmEstimate.mean(SampleMoments.of(y1)),
                ArmEstimate.mean(SampleMoments.of(y2)), "mean");
        assertClose(plain.absolute().pValue(), result.absolute().pValue(), 1e-14, "same as without CUPED");
    }

    @Test
    void ratioCupedWithOneEventPerUnitEqualsMeanCuped() throws IOException {
        Map<String, double[]> d = data();
        double[] onesC = new double[d.get("E1.yc").length];
        double[] onesT = new double[d.get("E1.yt").length];
        Arrays.fill(onesC, 1);
        Arrays.fill(onesT, 1);
        Comparison ratio = Cuped.ratio(RatioCovariateMoments.of(d.get("E1.yc"), onesC, d.get("E1.xc"), onesC),
                RatioCovariateMoments.of(d.get("E1.yt"), onesT, d.get("E1.xt"), onesT))
                .compare(WelchTest.withDefaults(), "CUPED ratio");
        Comparison mean = Cuped.mean(CovariateMoments.of(d.get("E1.yc"), d.get("E1.xc")),
                CovariateMoments.of(d.get("E1.yt"), d.get("E1.xt"))).compare(WelchTest.withDefaults(), "CUPED mean");
        assertClose(mean.absolute().estimate(), ratio.absolute().estimate(), 1e-9, "estimate");
        assertClose(mean.absolute().standardError(), ratio.absolute().standardError(), 1e-9, "se");
        assertClose(mean.relative().standardError(), ratio.relative().standardError(), 1e-9, "relative se");
    }

    @Test
    void aSmallVarianceReductionIsPrintedWithItsDigits() {
        // issue 16 #10: 0.043% printed as "0.0%" read as no reduction at all
        assertEquals("0.043", MetricComparator.threeDigits(0.043));
        assertEquals("37.5", MetricComparator.threeDigits(37.5));
        assertEquals("12", MetricComparator.threeDigits(12.0));
        assertEquals("0", MetricComparator.threeDigits(0));
    }
}
