package dev.arbiter.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Treatment versus control for one metric: both arms' estimates, the absolute effect
 * (treatment − control) and the relative lift ((treatment − control) / |control baseline|).
 *
 * @param control     control arm estimate
 * @param treatment   treatment arm estimate
 * @param absolute    treatment − control
 * @param relative    relative lift; unavailable when the control baseline is 0
 * @param method      the method in words, e.g. "Welch t-test", for reports
 * @param alpha       significance level used for the intervals
 * @param alternative the alternative hypothesis
 * @param notes       plain-language notes, e.g. "CUPED not applied: covariate has no variance"
 */
public record Comparison(ArmEstimate control, ArmEstimate treatment, Effect absolute, Effect relative, String method,
                         double alpha, Alternative alternative, List<String> notes) {
    public Comparison {
        Objects.requireNonNull(absolute, "absolute");
        Objects.requireNonNull(relative, "relative");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(alternative, "alternative");
        notes = List.copyOf(notes);
    }

    /** True when the absolute effect is significant at this comparison's α. */
    public boolean significant() {
        return absolute.significantAt(alpha);
    }

    /** The same comparison with one more note. */
    public Comparison withNote(String note) {
        List<String> more = new ArrayList<>(notes);
        more.add(note);
        return new Comparison(control, treatment, absolute, relative, method, alpha, alternative, more);
    }
}
