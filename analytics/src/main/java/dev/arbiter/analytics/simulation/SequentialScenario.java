package dev.arbiter.analytics.simulation;

import dev.arbiter.analytics.ArmEstimate;
import dev.arbiter.analytics.Comparison;
import dev.arbiter.analytics.SequentialTest;
import org.apache.commons.rng.UniformRandomProvider;
import java.util.function.Predicate;

/**
 * Peeking: conversion at 10%, 30 looks every 200 users per arm up to 6,000 (N* = 12,000).
 * A false positive is a difference declared at any look; coverage means the truth is inside the
 * confidence sequence at every look.
 */
final class SequentialScenario implements Scenario {
    static final int LOOKS = 30;
    static final int STEP = 200;
    private static final double BASE = 0.10;
    private static final double EFFECT = 0.01;
    private static final SequentialTest TEST = SequentialTest.withDefaults().withTuning(2.0 * LOOKS * STEP);

    @Override
    public boolean falsePositive(UniformRandomProvider rng) {
        return anyLook(rng, BASE, comparison -> comparison.significant());
    }

    @Override
    public boolean covers(UniformRandomProvider rng) {
        return !anyLook(rng, BASE + EFFECT, comparison -> !comparison.absolute().ci().contains(EFFECT));
    }

    /** True when {@code event} happens at any of the looks. */
    static boolean anyLook(UniformRandomProvider rng, double treatmentRate, Predicate<Comparison> event) {
        Draws draws = new Draws(rng);
        int control = 0;
        int treatment = 0;
        boolean happened = false;
        for (int look = 1; look <= LOOKS; look++) {
            for (int i = 0; i < STEP; i++) {
                control += draws.bernoulli(BASE) ? 1 : 0;
                treatment += draws.bernoulli(treatmentRate) ? 1 : 0;
            }
            int n = look * STEP;
            happened |= event.test(TEST.compare(ArmEstimate.proportion(n, control), ArmEstimate.proportion(n, treatment),
                    "proportion"));
        }
        return happened;
    }
}
