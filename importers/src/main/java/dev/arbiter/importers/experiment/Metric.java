package dev.arbiter.importers.experiment;

import dev.arbiter.analytics.Alternative;
import dev.arbiter.analytics.reading.GuardrailRule;
import dev.arbiter.analytics.reading.ValueUnit;
import java.util.List;

/**
 * A metric ready to analyse: its file form ({@link MetricDefinition}) resolved by
 * {@link ExperimentBuilder}, defaults applied, one type per kind carrying only its own settings.
 */
public sealed interface Metric permits Metric.Adjustable, Metric.Quantile {
    /** What every kind has. */
    MetricBasics basics();

    /** The kind, as written in the file. */
    MetricKind kind();

    default String name() {
        return basics().name();
    }

    /** The event column it reads (null only for a count of events). */
    default String column() {
        return basics().column();
    }

    default Direction direction() {
        return basics().direction();
    }

    /** Only events matching this filter, or null for all. */
    default Filter where() {
        return basics().where();
    }

    default Alternative alternative() {
        return basics().alternative();
    }

    /** The minimum detectable effect, or null (the primary has one). */
    default Double mde() {
        return basics().mde();
    }

    /** Whether {@link #mde()} is a fraction of control. */
    default boolean mdeRelative() {
        return basics().mdeRelative();
    }

    /** The unit the definition declares, or null to infer it from the data. */
    default ValueUnit unit() {
        return basics().unit();
    }

    /** Guardrail rules (empty when none). */
    default List<GuardrailRule> rules() {
        return basics().rules();
    }

    /** A unit or ratio metric, which can be CUPED-adjusted. */
    sealed interface Adjustable extends Metric permits Unit, Ratio {
        /** The CUPED covariate, or null. */
        Covariate covariate();

        /** The same metric without its covariate. */
        Adjustable withoutCovariate();
    }

    /**
     * An aggregate per assignment unit, then unit means compared.
     *
     * @param aggregate how a unit's events become one number
     * @param covariate CUPED covariate, or null
     */
    record Unit(MetricBasics basics, Aggregate aggregate, Covariate covariate) implements Adjustable {
        @Override
        public MetricKind kind() {
            return MetricKind.UNIT;
        }

        @Override
        public Unit withoutCovariate() {
            return new Unit(basics, aggregate, null);
        }
    }

    /**
     * Σcolumn / Σdenominator per arm, delta method over units.
     *
     * @param denominator the denominator column, or null for events
     * @param covariate   CUPED covariate (pre-exposure), or null
     */
    record Ratio(MetricBasics basics, String denominator, Covariate covariate) implements Adjustable {
        @Override
        public MetricKind kind() {
            return MetricKind.RATIO;
        }

        @Override
        public Ratio withoutCovariate() {
            return new Ratio(basics, denominator, null);
        }

        /**
         * The fallback rate: the share of events served by the fallback model ({@code column} is 0/1),
         * a ratio over events read per unit, lower is better.
         */
        public static Ratio fallbackRate(String name, String column) {
            return new Ratio(new MetricBasics(name, column, Direction.DECREASE, null, Alternative.TWO_SIDED, null, false,
                    null, false, List.of(), ValueUnit.PERCENT), null, null);
        }
    }

    /**
     * A quantile of a column over events, cluster-aware interval.
     *
     * @param probability the quantile's probability, e.g. 0.95
     */
    record Quantile(MetricBasics basics, double probability) implements Metric {
        @Override
        public MetricKind kind() {
            return MetricKind.QUANTILE;
        }
    }
}
