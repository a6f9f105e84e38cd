package dev.arbiter.analytics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Multiple-testing adjustments, exactly as R's {@code p.adjust}: Holm and Bonferroni (family-wise
 * error) and Benjamini–Hochberg (false discovery rate). Segments use BH; comparisons of several
 * treatments with control use Holm unless the experiment says otherwise.
 */
public enum PValueAdjustment {
    /** Holm (1979) step-down: p.adjust(p, "holm"). */
    HOLM,
    /** Bonferroni: p.adjust(p, "bonferroni") = min(1, m·p). */
    BONFERRONI,
    /** Benjamini &amp; Hochberg (1995): p.adjust(p, "BH"). */
    BENJAMINI_HOCHBERG;

    /** Adjusted p-values in the input's order; NaN inputs stay NaN and are not counted. */
    public double[] adjust(double[] pValues) {
        Integer[] order = IntStream.range(0, pValues.length)
                .filter(i -> !Double.isNaN(pValues[i])).boxed().toArray(Integer[]::new);
        double[] adjusted = new double[pValues.length];
        Arrays.fill(adjusted, Double.NaN);
        int m = order.length;
        if (this == BONFERRONI) {
            for (int i : order) {
                adjusted[i] = Math.min(1, m * pValues[i]);
            }
        } else if (this == HOLM) {
            Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
            double running = 0;
            for (int rank = 0; rank < m; rank++) {
                running = Math.max(running, Math.min(1, (m - rank) * pValues[order[rank]]));
                adjusted[order[rank]] = running;
            }
        } else {
            Arrays.sort(order, Comparator.comparingDouble((Integer i) -> pValues[i]).reversed());
            double running = 1;
            for (int k = 0; k < m; k++) {
                int rank = m - k;
                running = Math.min(running, (double) m / rank * pValues[order[k]]);
                adjusted[order[k]] = Math.min(1, running);
            }
        }
        return adjusted;
    }
}
