package dev.arbiter.app.projection;

import dev.arbiter.importers.experiment.Experiment;
import dev.arbiter.importers.result.ComparisonResult;
import dev.arbiter.importers.result.ExperimentResult;
import java.util.Locale;
import java.util.stream.Collectors;

/** The experiment's design in words, for the PDF's setup and the CLI's header (issue 18: "paired, on how many items"). */
public final class Design {
    private Design() {
    }

    /**
     * "Paired on items (column 'instruction'): each treatment against control on the items both answered
     * (805 with b, 805 with c)", or "Parallel: units randomised to arms".
     */
    public static String describe(ExperimentResult result) {
        Experiment d = result.definition();
        if (!d.paired()) {
            return "Parallel: units (" + d.unitColumn() + ") randomised to arms";
        }
        String pairs = result.primary().comparisons().stream().map(Design::pairs).collect(Collectors.joining(", "));
        return "Paired on items (column '" + d.unitColumn() + "'): each treatment against control on the items both "
                + "answered (" + pairs + ")";
    }

    private static String pairs(ComparisonResult c) {
        return String.format(Locale.US, "%,d with %s", c.comparison().treatment().n(), c.treatment());
    }
}
