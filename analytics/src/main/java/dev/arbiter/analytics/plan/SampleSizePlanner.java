package dev.arbiter.analytics.plan;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Sample size, power and minimum detectable effect for two-arm (or k-arm) tests.
 *
 * <ul>
 *   <li>Proportions as R {@code power.prop.test} (strict = FALSE):
 *       power = Φ((√n·|p₁−p₂| − z_{α/s}·√((p₁+p₂)(1−(p₁+p₂)/2))) / √(p₁q₁+p₂q₂)), s the number of sides.</li>
 *   <li>Means as R {@code power.t.test} (two-sample, strict = FALSE):
 *       power = P(T' &gt; t_{α/s, ν}) with ν = 2(n−1), T' noncentral t with ncp = √(n/2)·δ/σ.</li>
 *   <li>k arms: each of the k − 1 comparisons with control at α/(k − 1) (Bonferroni); total = k·n.</li>
 *   <li>CUPED: a variance reduction ρ² scales σ by √(1 − ρ²) (means) or n by (1 − ρ²) (proportions).</li>
 *   <li>Rule of thumb beside it: 16·σ²/MDE² (80% power, α = 0.05), unadjusted.</li>
 * </ul>
 * Immutable; configure with {@code with...}.
 */
public final class SampleSizePlanner {
    private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);
    private static final double MAX_N = 1e9;

    private final double alpha;
    private final double power;
    private final int arms;
    private final boolean oneSided;
    private final double varianceReduction;
    private final boolean paired;

    private SampleSizePlanner(double alpha, double power, int arms, boolean oneSided, double varianceReduction,
                              boolean paired) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be between 0 and 1: " + alpha);
        }
        if (!(power > 0 && power < 1)) {
            throw new IllegalArgumentException("power must be between 0 and 1: " + power);
        }
        if (arms < 2) {
            throw new IllegalArgumentException("a test needs at least 2 arms: " + arms);
        }
        if (!(varianceReduction >= 0 && varianceReduction < 1)) {
            throw new IllegalArgumentException("the variance reduction must be in [0, 1): " + varianceReduction);
        }
        this.alpha = alpha;
        this.power = power;
        this.arms = arms;
        this.oneSided = oneSided;
        this.varianceReduction = varianceReduction;
        this.paired = paired;
    }

    /** α = 0.05, power = 0.8, 2 arms, two-sided, no CUPED. */
    public static SampleSizePlanner withDefaults() {
        return new SampleSizePlanner(0.05, 0.8, 2, false, 0, false);
    }

    public SampleSizePlanner withAlpha(double newAlpha) {
        return new SampleSizePlanner(newAlpha, power, arms, oneSided, varianceReduction, paired);
    }

    public SampleSizePlanner withPower(double newPower) {
        return new SampleSizePlanner(alpha, newPower, arms, oneSided, varianceReduction, paired);
    }

    public SampleSizePlanner withArms(int newArms) {
        return new SampleSizePlanner(alpha, power, newArms, oneSided, varianceReduction, paired);
    }

    public SampleSizePlanner withOneSided(boolean newOneSided) {
        return new SampleSizePlanner(alpha, power, arms, newOneSided, varianceReduction, paired);
    }

    /** CUPED's expected variance reduction ρ², ρ the correlation of metric and covariate. */
    public SampleSizePlanner withVarianceReduction(double rhoSquared) {
        return new SampleSizePlanner(alpha, power, arms, oneSided, rhoSquared, paired);
    }

    /**
     * A paired design (every arm answers the same items): mean plans are for the paired t-test on item
     * differences, {@code sd} is the standard deviation of those differences and "per arm" counts items
     * (R {@code power.t.test(type = "paired")}).
     */
    public SampleSizePlanner withPaired(boolean newPaired) {
        return new SampleSizePlanner(alpha, power, arms, oneSided, varianceReduction, newPaired);
    }

    /** α for each comparison with control. */
    public double comparisonAlpha() {
        return alpha / (arms - 1);
    }

    private double tailAlpha() {
        return comparisonAlpha() / (oneSided ? 1 : 2);
    }

    /**
     * Units per arm to detect a change of {@code mde} in a proportion with baseline {@code baseline};
     * {@code relative} reads the MDE as a fraction of the baseline. The MDE keeps its sign: −0.02 plans
     * for baseline − 0.02 (the variance differs on the two sides), and the plan's MDE is signed.
     */
    public Plan proportions(double baseline, double mde, boolean relative) {
        checkProportion(baseline, "baseline");
        double signed = relative ? mde * baseline : mde;
        double absolute = Math.abs(signed);
        double p2 = baseline + signed;
        checkProportion(p2, "baseline + MDE");
        double zAlpha = NORMAL.inverseSurvivalProbability(tailAlpha());
        double zBeta = NORMAL.inverseCumulativeProbability(power);
        double spread = Math.sqrt((baseline + p2) * (1 - (baseline + p2) / 2));
        double each = Math.sqrt(baseline * (1 - baseline) + p2 * (1 - p2));
        double root = (zAlpha * spread + zBeta * each) / absolute;
        double exact = root * root * (1 - varianceReduction);
        return plan(exact, 16 * baseline * (1 - baseline) / (absolute * absolute), signed);
    }

    /** Units per arm to detect a change of {@code mde} (absolute) in a mean with standard deviation {@code sd}. */
    public Plan means(double sd, double mde) {
        double delta = Math.abs(mde);
        if (!(sd > 0) || !(delta > 0)) {
            throw new IllegalArgumentException("the standard deviation and MDE must be positive: sd=" + sd + ", mde=" + mde);
        }
        double exact = solve(n -> meanPower(delta, sd, n) - power, 2, MAX_N);
        return plan(exact, (paired ? 8 : 16) * sd * sd / (delta * delta), mde);
    }

    /** Power of the proportion test with {@code n} units per arm. */
    public double proportionPower(double p1, double p2, double n) {
        double zAlpha = NORMAL.inverseSurvivalProbability(tailAlpha());
        double effectiveN = n / (1 - varianceReduction);
        double numerator = Math.sqrt(effectiveN) * Math.abs(p1 - p2)
                - zAlpha * Math.sqrt((p1 + p2) * (1 - (p1 + p2) / 2));
        return NORMAL.cumulativeProbability(numerator / Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2)));
    }

    /** Power of the two-sample t-test with {@code n} units per arm (paired: of the paired t-test on {@code n} items). */
    public double meanPower(double delta, double sd, double n) {
        double nu = paired ? n - 1 : 2 * (n - 1);
        double critical = TDistribution.of(nu).inverseSurvivalProbability(tailAlpha());
        double effectiveSd = sd * Math.sqrt(1 - varianceReduction);
        double scale = paired ? Math.sqrt(n) : Math.sqrt(n / 2);
        return NoncentralT.cdf(critical, nu, scale * Math.abs(delta) / effectiveSd, false);
    }

    /** The smallest upward change from {@code baseline} detectable with {@code n} per arm; empty if none is. */
    public OptionalDouble proportionMde(double baseline, double n) {
        checkProportion(baseline, "baseline");
        double top = 1 - 1e-10;
        if (proportionPower(baseline, top, n) < power) {
            return OptionalDouble.empty();
        }
        double p2 = solve(p -> proportionPower(baseline, p, n) - power, baseline + 1e-12, top);
        return OptionalDouble.of(p2 - baseline);
    }

    /** The smallest difference in means detectable with {@code n} per arm. */
    public double meanMde(double sd, double n) {
        return solve(delta -> meanPower(delta, sd, n) - power, sd * 1e-7, sd * 1e7);
    }

    /** Power at each of {@code perArm} for a proportion change from p1 to p2. */
    public List<PowerPoint> proportionPowerCurve(double p1, double p2, long... perArm) {
        return Arrays.stream(perArm).mapToObj(n -> new PowerPoint(n, proportionPower(p1, p2, n))).toList();
    }

    /** Power at each of {@code perArm} for a difference {@code delta} in means. */
    public List<PowerPoint> meanPowerCurve(double delta, double sd, long... perArm) {
        return Arrays.stream(perArm).mapToObj(n -> new PowerPoint(n, n < 2 ? 0 : meanPower(delta, sd, n))).toList();
    }

    /**
     * Design effect of a clustered ratio metric: its delta-method variance over what independent
     * events would give, perUnitVariance / (eventsPerUnit · eventVariance).
     */
    public static double designEffect(double perUnitVariance, double eventVariance, double eventsPerUnit) {
        return perUnitVariance / (eventsPerUnit * eventVariance);
    }

    private Plan plan(double exact, double ruleOfThumb, double mde) {
        long perArm = (long) Math.ceil(exact - 1e-9);
        return new Plan(exact, perArm, perArm * arms, (long) Math.ceil(ruleOfThumb - 1e-9), arms, comparisonAlpha(), mde);
    }

    private static double solve(DoubleUnaryOperator f, double low, double high) {
        return new BrentSolver(1e-10, 1e-12).solve(10_000, f::applyAsDouble, low, high);
    }

    private static void checkProportion(double p, String name) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException(name + " must be a proportion strictly between 0 and 1: " + p);
        }
    }
}
