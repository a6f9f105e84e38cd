package dev.arbiter.archfixture.cycle.second;

import dev.arbiter.archfixture.cycle.first.CycleFirst;

/** Fixture for the cycle rule: needs {@link CycleFirst}, which needs it back. */
public final class CycleSecond {
    public CycleFirst back() {
        return new CycleFirst();
    }
}
