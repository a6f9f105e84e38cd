package dev.arbiter.importers.experiment;

import java.util.List;

/** An experiment that cannot be analysed as defined: every problem, each naming its key and the reason. */
public final class ExperimentException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public ExperimentException(String source, List<String> problems) {
        super(source + ": " + (problems.size() == 1 ? problems.get(0)
                : problems.size() + " problems: " + String.join("; ", problems)));
        this.problems = List.copyOf(problems);
    }

    /** Each problem, e.g. {@code primary.column: dataset 'events' has no column 'resolvd'}. */
    public List<String> problems() {
        return problems;
    }
}
