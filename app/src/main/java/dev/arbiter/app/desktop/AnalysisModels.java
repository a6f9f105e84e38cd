package dev.arbiter.app.desktop;

import dev.arbiter.app.common.task.TaskExecutor;
import dev.arbiter.app.decision.DecisionViewModel;
import dev.arbiter.app.guardrails.GuardrailsViewModel;
import dev.arbiter.app.monitor.MonitorViewModel;
import dev.arbiter.app.plan.PlanViewModel;
import dev.arbiter.app.results.ResultsViewModel;
import dev.arbiter.app.segments.SegmentsViewModel;
import dev.arbiter.app.shell.ShellViewModel;
import dev.arbiter.app.analysis.AnalysisViewModel;

/**
 * The view models of the analysis sections, all reading one {@link AnalysisViewModel}.
 *
 * @param analysis   the experiment and its latest analysis
 * @param plan       Plan
 * @param monitor    Monitor
 * @param results    Results
 * @param segments   Segments
 * @param guardrails Guardrails
 * @param decision   Decision (the recommendation)
 */
public record AnalysisModels(AnalysisViewModel analysis, PlanViewModel plan, MonitorViewModel monitor,
                             ResultsViewModel results, SegmentsViewModel segments, GuardrailsViewModel guardrails,
                             DecisionViewModel decision) {
    /** Builds them on the shell's workspace. */
    public static AnalysisModels of(ShellViewModel shell, TaskExecutor executor) {
        AnalysisViewModel analysis = new AnalysisViewModel(shell, executor);
        return new AnalysisModels(analysis, new PlanViewModel(shell, analysis, executor), new MonitorViewModel(analysis),
                new ResultsViewModel(analysis), new SegmentsViewModel(analysis), new GuardrailsViewModel(analysis),
                new DecisionViewModel(shell, analysis, executor));
    }
}
