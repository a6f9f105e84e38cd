package dev.arbiter.importers.signoff;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The analyst's decision on an experiment, as the Decision screen saves it and `arbiter report`
 * reads it. Keys pinned (docs/decision-format.md): {@code decision} (ship, do_not_ship,
 * no_difference, segment, keep_running), {@code rationale}, {@code signoffs}; additions only.
 *
 * @param experiment the experiment's name (added by the workspace store; optional in files)
 * @param decision   the decision, one of the recommendation labels
 * @param rationale  why, in the analyst's words
 * @param signoffs   who approved or rejected, and when
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"experiment", "decision", "rationale", "signoffs"})
public record DecisionRecord(String experiment, String decision, String rationale, List<Signoff> signoffs) {
    public DecisionRecord {
        signoffs = signoffs == null ? List.of() : List.copyOf(signoffs);
    }
}
