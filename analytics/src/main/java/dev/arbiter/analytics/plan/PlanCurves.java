package dev.arbiter.analytics.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The two curves beside a plan: power against units per arm (from 0 to twice the plan), and the
 * smallest detectable effect day by day at a traffic — the same for the app's Plan section and
 * {@code arbiter plan --curve}.
 *
 * @param planner    the planner the plan came from (α, power, arms)
 * @param proportion a 0/1 metric at {@code baseline}, or a mean with standard deviation {@code sd}
 */
public record PlanCurves(SampleSizePlanner planner, boolean proportion, double baseline, double sd) {
    /** Points on the power curve. */
    public static final int POINTS = 40;
    /** Days of the MDE-by-day curve. */
    public static final int DAYS = 42;

    /** Power at {@link #POINTS} sizes up to twice the plan's units per arm, for the plan's absolute MDE. */
    public List<PowerPoint> power(Plan plan) {
        long[] perArm = new long[POINTS];
        for (int i = 0; i < POINTS; i++) {
            perArm[i] = Math.max(2, Math.round(plan.perArm() * 2.0 * (i + 1) / POINTS));
        }
        double delta = plan.mdeAbsolute();
        return proportion ? planner.proportionPowerCurve(baseline, baseline + delta, perArm)
                : planner.meanPowerCurve(delta, sd, perArm);
    }

    /**
     * The absolute MDE reachable after each of {@link #DAYS} days at {@code dailyUnits} new units a
     * day over {@code arms} arms, as (day, MDE); days with under 2 units per arm are left out, and a
     * proportion's MDE is NaN where none is reachable.
     */
    public List<double[]> mdeByDay(double dailyUnits, int arms) {
        List<double[]> points = new ArrayList<>();
        for (int day = 1; day <= DAYS; day++) {
            double perArm = dailyUnits * day / arms;
            if (perArm >= 2) {
                points.add(new double[] {day, reachable(perArm)});
            }
        }
        return points;
    }

    private double reachable(double perArm) {
        if (proportion) {
            OptionalDouble found = planner.proportionMde(baseline, perArm);
            return found.isPresent() ? found.getAsDouble() : Double.NaN;
        }
        return planner.meanMde(sd, perArm);
    }
}
