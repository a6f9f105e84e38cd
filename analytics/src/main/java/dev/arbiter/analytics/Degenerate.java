package dev.arbiter.analytics;

/** Plain-language reasons why two arms cannot be compared; null when they can. */
final class Degenerate {
    private Degenerate() {
    }

    static String reason(ArmEstimate control, ArmEstimate treatment) {
        if (control.n() < 2 || treatment.n() < 2) {
            return "each arm needs at least 2 units (control has " + control.n() + ", treatment has "
                    + treatment.n() + ")";
        }
        if (!Double.isFinite(control.value()) || !Double.isFinite(treatment.value())) {
            return "an arm's value is not defined (no events to measure)";
        }
        if (!(control.variance() >= 0) || !(treatment.variance() >= 0)) {
            return "an arm's variance is not defined";
        }
        if (control.variance() == 0 && treatment.variance() == 0) {
            return "no variation in either arm (every unit has the same value)";
        }
        return null;
    }
}
