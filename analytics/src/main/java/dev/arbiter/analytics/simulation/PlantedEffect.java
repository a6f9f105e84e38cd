package dev.arbiter.analytics.simulation;

import dev.arbiter.analytics.Comparison;
import java.util.function.BiFunction;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A fixed-horizon scenario: one data generator run with the null parameter (A/A) and with the
 * planted parameter (A/B), whose true effect on the metric is {@code truth}.
 *
 * @param nullParameter    the generator's parameter for two identical arms (e.g. lift 1)
 * @param plantedParameter the parameter of the treatment arm in the A/B trial
 * @param truth            the true absolute effect the A/B interval must cover
 * @param experiment       runs one experiment: generator and parameter to comparison
 */
record PlantedEffect(double nullParameter, double plantedParameter, double truth,
                     BiFunction<UniformRandomProvider, Double, Comparison> experiment) implements Scenario {
    @Override
    public boolean falsePositive(UniformRandomProvider rng) {
        return experiment.apply(rng, nullParameter).significant();
    }

    @Override
    public boolean covers(UniformRandomProvider rng) {
        return experiment.apply(rng, plantedParameter).absolute().ci().contains(truth);
    }
}
