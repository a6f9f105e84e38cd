package dev.arbiter.app.plan;

import dev.arbiter.analytics.Comparison;
import dev.arbiter.analytics.plan.Plan;
import dev.arbiter.analytics.plan.PlanCurves;
import dev.arbiter.analytics.plan.SampleSizePlanner;
import dev.arbiter.app.analysis.AnalysisViewModel;
import dev.arbiter.app.projection.Format;
import dev.arbiter.app.common.task.BackgroundTask;
import dev.arbiter.app.common.task.TaskExecutor;
import dev.arbiter.app.session.WorkspaceSession;
import dev.arbiter.importers.result.DailyPoint;
import dev.arbiter.importers.result.ExperimentResult;
import dev.arbiter.importers.experiment.Experiment;
import dev.arbiter.importers.experiment.ExperimentDefinition;
import dev.arbiter.importers.experiment.ExperimentStore;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * The Plan section: the primary metric's baseline (from the data, or typed), MDE (absolute or
 * relative), α, power, arms and daily traffic (measured from the data) give units per arm as R's
 * power.prop.test / power.t.test, the 16·σ²/MDE² rule beside it, the days it takes, a power curve
 * and the MDE reachable by day; the plan is saved into the experiment. The arithmetic is
 * {@link SampleSizePlanner}'s, and instant, so it runs as the analyst types.
 */
public final class PlanViewModel {

    private final WorkspaceSession shell;
    private final AnalysisViewModel analysis;
    private final TaskExecutor executor;
    private final BooleanProperty proportion = new SimpleBooleanProperty(true);
    private final DoubleProperty baseline = new SimpleDoubleProperty(0.5);
    private final DoubleProperty sd = new SimpleDoubleProperty(1);
    /** Whether the experiment is paired: means planned on item differences, in items. */
    private boolean paired;
    private final DoubleProperty mde = new SimpleDoubleProperty(0.02);
    private final BooleanProperty relative = new SimpleBooleanProperty(false);
    private final DoubleProperty alpha = new SimpleDoubleProperty(0.05);
    private final DoubleProperty power = new SimpleDoubleProperty(0.8);
    private final IntegerProperty arms = new SimpleIntegerProperty(2);
    private final DoubleProperty dailyUnits = new SimpleDoubleProperty(1000);
    private final ReadOnlyObjectWrapper<Plan> plan = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper saved = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<List<double[]>> powerCurve = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<List<double[]>> mdeByDay = new ReadOnlyObjectWrapper<>(List.of());

    public PlanViewModel(WorkspaceSession shell, AnalysisViewModel analysis, TaskExecutor executor) {
        this.shell = shell;
        this.analysis = analysis;
        this.executor = executor;
        analysis.resultProperty().addListener((obs, old, now) -> fromData(now));
        for (var input : List.of(proportion, baseline, sd, mde, relative, alpha, power, arms, dailyUnits)) {
            input.addListener((obs, old, now) -> compute());
        }
        fromData(analysis.resultProperty().get());
    }

    /** Takes the baseline, spread, MDE, α, power, arms and daily traffic from the analysed experiment. */
    public void fromData(ExperimentResult result) {
        if (result == null) {
            return;
        }
        Experiment d = result.definition();
        saved.set(savedPlan(d));
        Comparison primary = result.primary().comparisons().get(0).comparison();
        paired = d.paired();
        proportion.set(!paired && primary.method().contains("proportions"));
        baseline.set(primary.control().baseline());
        // paired: the SD of the item differences, SE × √n of the paired comparison
        sd.set(paired ? primary.absolute().standardError() * Math.sqrt(primary.treatment().n())
                : Math.sqrt(primary.control().baselineVariance()));
        relative.set(d.primary().mdeRelative());
        mde.set(d.primary().mde());
        alpha.set(d.alpha());
        power.set(d.power() == null ? 0.8 : d.power());
        arms.set(d.arms().size());
        measuredTraffic(result.series());
        compute();
    }

    /** New units a day, all arms together, measured over the data's days of first exposure. */
    private void measuredTraffic(List<DailyPoint> days) {
        if (!days.isEmpty()) {
            long total = days.get(days.size() - 1).cumulativeUnits().stream().mapToLong(Long::longValue).sum();
            dailyUnits.set(Math.max(1, Math.round((double) total / days.size())));
        }
    }

    private SampleSizePlanner planner() {
        return SampleSizePlanner.withDefaults().withAlpha(alpha.get()).withPower(power.get()).withArms(arms.get())
                .withPaired(paired);
    }

    private void compute() {
        try {
            SampleSizePlanner planner = planner();
            Plan next = proportion.get() ? planner.proportions(baseline.get(), mde.get(), relative.get())
                    : planner.means(sd.get(), relative.get() ? mde.get() * Math.abs(baseline.get()) : mde.get());
            plan.set(next);
            problem.set(null);
            summary.set(summary(next));
            powerCurve.set(curves(planner).power(next).stream().map(p -> new double[] {p.perArm(), p.power()}).toList());
            mdeByDay.set(curves(planner).mdeByDay(dailyUnits.get(), arms.get()));
        } catch (IllegalArgumentException e) {
            plan.set(null);
            summary.set("");
            powerCurve.set(List.of());
            mdeByDay.set(List.of());
            problem.set(e.getMessage());
        }
    }

    private String summary(Plan next) {
        if (paired) {
            return String.format(Locale.US, "%,d items, each answered by every arm (exact %,.1f; paired t-test on the item "
                    + "differences, SD %s); rule of thumb 8·σ²/MDE² = %,d", next.perArm(), next.exactPerArm(),
                    Format.value(sd.get()), next.ruleOfThumbPerArm());
        }
        return String.format(Locale.US, "%,d units per arm (exact %,.1f); rule of thumb 16·σ²/MDE² = %,d; "
                        + "%,d in total; %,d days at %,.0f new units a day (all arms)", next.perArm(), next.exactPerArm(),
                next.ruleOfThumbPerArm(), next.total(), next.days(dailyUnits.get()), dailyUnits.get());
    }

    private PlanCurves curves(SampleSizePlanner planner) {
        return new PlanCurves(planner, proportion.get(), baseline.get(), sd.get());
    }

    /** Saves the plan (planned units per arm, MDE, α, power) into the experiment, in the background. */
    public void save() {
        ExperimentDefinition definition = analysis.selectedProperty().get();
        Plan current = plan.get();
        var workspace = shell.currentWorkspace();
        if (definition == null || current == null || workspace == null) {
            return;
        }
        ExperimentDefinition planned = definition.withPlan(current.perArm(), mde.get(), relative.get(), alpha.get(), power.get());
        executor.submit(BackgroundTask.of("Saving the plan", context -> {
            new ExperimentStore(workspace).save(planned);
            return planned;
        }).withOnSuccess(saved -> analysis.reload())
                .withSuccessMessage(saved -> "Saved the plan: " + Format.count(current.perArm()) + " units per arm"));
    }

    public BooleanProperty proportionProperty() {
        return proportion;
    }

    public DoubleProperty baselineProperty() {
        return baseline;
    }

    public DoubleProperty sdProperty() {
        return sd;
    }

    public DoubleProperty mdeProperty() {
        return mde;
    }

    public BooleanProperty relativeProperty() {
        return relative;
    }

    public DoubleProperty alphaProperty() {
        return alpha;
    }

    public DoubleProperty powerProperty() {
        return power;
    }

    public IntegerProperty armsProperty() {
        return arms;
    }

    public DoubleProperty dailyUnitsProperty() {
        return dailyUnits;
    }

    /** The plan saved in the experiment — what Monitor measures progress against — or that there is none. */
    static String savedPlan(Experiment d) {
        if (d.paired()) {
            return "A paired design: the plan is in items every arm answers, from the SD of the item differences "
                    + "(SD per unit below).";
        }
        if (d.plannedUnitsPerArm() == null) {
            return "No plan saved in the experiment yet: Monitor shows progress once you save one.";
        }
        return String.format(Locale.US, "Saved plan: %,d units per arm — Monitor measures progress against it. "
                + "Saving replaces it with the plan below.", d.plannedUnitsPerArm());
    }

    /** The saved plan, in one sentence. */
    public ReadOnlyStringProperty savedProperty() {
        return saved.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Plan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Why the inputs give no plan (e.g. a baseline outside 0–1), or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** (units per arm, power) points up to twice the plan. */
    public ReadOnlyObjectProperty<List<double[]>> powerCurveProperty() {
        return powerCurve.getReadOnlyProperty();
    }

    /** (day, smallest detectable absolute effect) at the measured daily traffic. */
    public ReadOnlyObjectProperty<List<double[]>> mdeByDayProperty() {
        return mdeByDay.getReadOnlyProperty();
    }
}
