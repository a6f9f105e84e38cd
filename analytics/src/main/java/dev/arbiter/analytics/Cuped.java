package dev.arbiter.analytics;

import java.util.function.Function;

/**
 * CUPED variance reduction (Deng, Xu, Kohavi &amp; Walker 2013) for mean, proportion and ratio
 * metrics, as arm estimates for {@link WelchTest}.
 *
 * <p>With the metric's linearisation g and the covariate's h (delta method; for a mean g = ∂Ȳ,
 * for a ratio g = (1/μ_D, −μ_M/μ_D²)), θ = gᵀΣh / hᵀΣh on both arms pooled. Each arm's adjusted
 * value is f − θ(h − h̄_pooled) (so Δ = (f_t − θh_t) − (f_c − θh_c)) with per-unit variance
 * (g − θh)ᵀΣ(g − θh). Relative lift divides by the unadjusted control value. When the covariate
 * has no variance, θ = 0 and the result says so.
 */
public final class Cuped {
    /** Relative size below which the covariate's variance counts as zero. */
    private static final double NO_VARIANCE = 1e-12;

    private Cuped() {
    }

    /**
     * Adjusted arm estimates with θ and the variance reduction achieved.
     *
     * @param control            control arm
     * @param treatment          treatment arm
     * @param theta              the pooled regression coefficient (0 when not applied)
     * @param varianceReduction  1 − Var(adjusted)/Var(unadjusted) on the pooled data, i.e. ρ²
     * @param note               why CUPED was not applied, or null
     */
    public record Result(ArmEstimate control, ArmEstimate treatment, double theta, double varianceReduction,
                         String note) {
        /** Welch comparison of the adjusted arms, noting a fallback. */
        public Comparison compare(WelchTest test, String method) {
            Comparison comparison = test.compare(control, treatment, method);
            return note == null ? comparison : comparison.withNote(note);
        }
    }

    /** CUPED for a mean or proportion metric Y with covariate X. */
    public static Result mean(CovariateMoments control, CovariateMoments treatment) {
        Function<UnitMoments, double[]> metricGradient = m -> new double[] {1, 0};
        Function<UnitMoments, double[]> covariateGradient = m -> new double[] {0, 1};
        return adjust(control.unitMoments(), treatment.unitMoments(), m -> m.mean(0), m -> m.mean(1),
                metricGradient, covariateGradient);
    }

    /** CUPED for a ratio metric ΣM/ΣD with a ratio covariate ΣM'/ΣD'. */
    public static Result ratio(RatioCovariateMoments control, RatioCovariateMoments treatment) {
        return adjust(control.unitMoments(), treatment.unitMoments(),
                m -> m.mean(0) / m.mean(1), m -> m.mean(2) / m.mean(3),
                m -> new double[] {1 / m.mean(1), -m.mean(0) / (m.mean(1) * m.mean(1)), 0, 0},
                m -> new double[] {0, 0, 1 / m.mean(3), -m.mean(2) / (m.mean(3) * m.mean(3))});
    }

    private static Result adjust(UnitMoments control, UnitMoments treatment,
                                 Function<UnitMoments, Double> metric, Function<UnitMoments, Double> covariate,
                                 Function<UnitMoments, double[]> g, Function<UnitMoments, double[]> h) {
        if (control.n() < 2 || treatment.n() < 2) {
            return new Result(plain(control, metric, g), plain(treatment, metric, g), 0, 0,
                    "CUPED not applied: each arm needs at least 2 units");
        }
        UnitMoments pooled = control.plus(treatment);
        double[] gp = g.apply(pooled);
        double[] hp = h.apply(pooled);
        double covariateVariance = pooled.quadratic(hp, hp);
        double metricVariance = pooled.quadratic(gp, gp);
        if (!(covariateVariance > NO_VARIANCE * Math.max(1, metricVariance)) || !Double.isFinite(covariateVariance)) {
            return new Result(plain(control, metric, g), plain(treatment, metric, g), 0, 0,
                    "CUPED not applied: the covariate has no variance");
        }
        double theta = pooled.quadratic(gp, hp) / covariateVariance;
        double reduction = metricVariance > 0 ? theta * theta * covariateVariance / metricVariance : 0;
        double centre = covariate.apply(pooled);
        return new Result(adjusted(control, theta, centre, metric, covariate, g, h),
                adjusted(treatment, theta, centre, metric, covariate, g, h), theta, reduction, null);
    }

    private static ArmEstimate adjusted(UnitMoments arm, double theta, double centre,
                                        Function<UnitMoments, Double> metric, Function<UnitMoments, Double> covariate,
                                        Function<UnitMoments, double[]> g, Function<UnitMoments, double[]> h) {
        double[] ga = g.apply(arm);
        double[] ha = h.apply(arm);
        double[] combined = new double[ga.length];
        for (int i = 0; i < ga.length; i++) {
            combined[i] = ga[i] - theta * ha[i];
        }
        double value = metric.apply(arm) - theta * (covariate.apply(arm) - centre);
        return new ArmEstimate(arm.n(), value, arm.quadratic(combined, combined), metric.apply(arm),
                arm.quadratic(ga, ga), arm.quadratic(combined, ga));
    }

    private static ArmEstimate plain(UnitMoments arm, Function<UnitMoments, Double> metric,
                                     Function<UnitMoments, double[]> g) {
        double[] ga = g.apply(arm);
        double variance = arm.n() < 2 ? Double.NaN : arm.quadratic(ga, ga);
        return ArmEstimate.of(arm.n(), arm.n() == 0 ? Double.NaN : metric.apply(arm), variance);
    }
}
