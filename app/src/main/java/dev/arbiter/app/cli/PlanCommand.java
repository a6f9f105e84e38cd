package dev.arbiter.app.cli;

import dev.arbiter.analytics.plan.PlanCurves;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.analytics.plan.Plan;
import dev.arbiter.analytics.plan.SampleSizePlanner;
import java.io.PrintWriter;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code arbiter plan}: units per arm for a proportion or a mean, with the rule of thumb and days. */
@Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sample size per arm to detect a minimum effect (as R power.prop.test / power.t.test).",
                "  arbiter plan --baseline 0.85 --mde 0.02 --daily-units 5000",
                "  arbiter plan --mean 0.12 --sd 0.4 --mde 0.05 --relative --json"})
final class PlanCommand implements Callable<Integer> {
    static final class Metric {
        @Option(names = "--baseline", paramLabel = "P", required = true,
                description = "Baseline proportion of the control arm, between 0 and 1.")
        Double baseline;

        @Option(names = "--mean", paramLabel = "M", required = true, description = "Baseline mean of the control arm.")
        Double mean;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Metric metric;

    @Option(names = "--sd", paramLabel = "S", description = "Standard deviation per unit (with --mean).")
    private Double sd;

    @Option(names = "--mde", paramLabel = "D", required = true, description = "Minimum detectable effect (absolute unless --relative).")
    private double mde;

    @Option(names = "--relative", description = "Read --mde as a fraction of the baseline (0.05 = 5%%).")
    private boolean relative;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.05", description = "Significance level (default ${DEFAULT-VALUE}).")
    private double alpha;

    @Option(names = "--power", paramLabel = "B", defaultValue = "0.8", description = "Power (default ${DEFAULT-VALUE}).")
    private double power;

    @Option(names = "--arms", paramLabel = "K", defaultValue = "2", description = "Arms, control included (default ${DEFAULT-VALUE}); α is split over K − 1 comparisons.")
    private int arms;

    @Option(names = "--one-sided", description = "Plan a one-sided test.")
    private boolean oneSided;

    @Option(names = "--variance-reduction", paramLabel = "R2", defaultValue = "0",
            description = "CUPED's expected variance reduction ρ² (default ${DEFAULT-VALUE}).")
    private double varianceReduction;

    @Option(names = "--daily-units", paramLabel = "N", description = "New units per day, all arms together: prints the days needed.")
    private Double dailyUnits;

    @Option(names = "--json", description = "Print JSON: {\"perArm\",\"total\",\"ruleOfThumbPerArm\",\"days\", ...}.")
    private boolean json;

    @Option(names = "--curve", description = "Also the power by units per arm and, with --daily-units, the smallest "
            + "detectable effect day by day (as the app's Plan charts).")
    private boolean curve;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        SampleSizePlanner planner = SampleSizePlanner.withDefaults().withAlpha(alpha).withPower(power).withArms(arms)
                .withOneSided(oneSided).withVarianceReduction(varianceReduction);
        Plan plan = metric.baseline != null ? planner.proportions(metric.baseline, mde, relative) : meanPlan(planner);
        Long days = dailyUnits == null ? null : plan.days(dailyUnits);
        PrintWriter out = spec.commandLine().getOut();
        PlanCurves curves = curve ? new PlanCurves(planner, metric.baseline != null,
                metric.baseline != null ? metric.baseline : metric.mean, sd == null ? Double.NaN : sd) : null;
        out.println(json ? Json.write(toJson(plan, days, curves)) : describe(plan, days) + describe(plan, curves));
        return 0;
    }

    /** The curves as text: power at the curve's sizes, and the MDE by day. */
    private String describe(Plan plan, PlanCurves curves) {
        if (curves == null) {
            return "";
        }
        StringBuilder text = new StringBuilder("\nPower by units per arm:\n");
        curves.power(plan).forEach(point -> text.append(String.format(Locale.US, "  %,12d  %.4f%n", point.perArm(), point.power())));
        if (dailyUnits != null) {
            text.append("Smallest detectable effect (absolute) by day:\n");
            curves.mdeByDay(dailyUnits, plan.arms()).forEach(point -> text.append(String.format(Locale.ROOT, "  day %2d  %s%n",
                    (int) point[0], plain(point[1]))));
        }
        return text.toString().stripTrailing();
    }

    private Plan meanPlan(SampleSizePlanner planner) {
        if (sd == null) {
            throw new IllegalArgumentException("--mean needs --sd, the standard deviation per unit");
        }
        return planner.means(sd, relative ? mde * metric.mean : mde);
    }

    private ObjectNode toJson(Plan plan, Long days, PlanCurves curves) {
        ObjectNode node = Json.object();
        node.put("perArm", plan.perArm());
        node.put("total", plan.total());
        node.put("ruleOfThumbPerArm", plan.ruleOfThumbPerArm());
        if (days == null) {
            node.putNull("days");
        } else {
            node.put("days", days);
        }
        node.put("exactPerArm", plan.exactPerArm());
        node.put("arms", plan.arms());
        node.put("alpha", alpha);
        node.put("comparisonAlpha", plan.comparisonAlpha());
        node.put("power", power);
        node.put("mdeAbsolute", plan.mdeAbsolute());
        if (curves != null) {
            ArrayNode power = node.putArray("powerCurve");
            curves.power(plan).forEach(point -> power.addObject().put("perArm", point.perArm()).put("power", point.power()));
            ArrayNode mde = node.putArray("mdeByDay");
            if (dailyUnits != null) {
                curves.mdeByDay(dailyUnits, plan.arms()).forEach(point -> mde.addObject().put("day", (int) point[0])
                        .put("mde", point[1]));
            }
        }
        return node;
    }

    private String describe(Plan plan, Long days) {
        NumberFormat count = NumberFormat.getIntegerInstance(Locale.US);
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Sample size (%s, alpha = %s per comparison, power = %s, %d arms)%n",
                oneSided ? "one-sided" : "two-sided", plain(plan.comparisonAlpha()), plain(power), plan.arms()));
        text.append(String.format(Locale.ROOT, "  minimum detectable effect: %s (absolute)%n", plain(plan.mdeAbsolute())));
        text.append(String.format(Locale.ROOT, "  per arm:        %s   (exact %.2f)%n", count.format(plan.perArm()), plan.exactPerArm()));
        text.append(String.format(Locale.ROOT, "  total:          %s%n", count.format(plan.total())));
        text.append(String.format(Locale.ROOT, "  rule of thumb:  %s per arm (16 sigma^2 / MDE^2)%n", count.format(plan.ruleOfThumbPerArm())));
        if (days != null) {
            text.append(String.format(Locale.ROOT, "  days:           %d at %s units/day%n", days, count.format(dailyUnits)));
        }
        return text.toString().stripTrailing();
    }

    private static String plain(double value) {
        return String.format(Locale.ROOT, "%.6g", value).replaceAll("\\.?0+$", "");
    }
}
