package dev.arbiter.archfixture.cycle.first;

import dev.arbiter.archfixture.cycle.second.CycleSecond;

/** Fixture for the cycle rule: needs {@link CycleSecond}, which needs it back. */
public final class CycleFirst {
    public CycleSecond next() {
        return new CycleSecond();
    }
}
