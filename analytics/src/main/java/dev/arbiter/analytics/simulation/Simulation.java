package dev.arbiter.analytics.simulation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.BiPredicate;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * Behaviour of Arbiter's procedures by simulation: for each metric kind, the share of A/A
 * experiments declared significant at α = 0.05 (target 5%) and the share of A/B experiments whose
 * 95% interval covers the planted effect (target 95%), each judged by its binomial band for the
 * runs made ({@link Target}). The sequential
 * kind is checked over 30 looks (targets ≤ 5% and ≥ 95%); the naive per-request test is
 * expected to fail its target. Deterministic: run i of a kind uses its own seeded generator,
 * whatever the thread that runs it.
 */
public final class Simulation {
    /** The simulated metric kinds and what each should show. */
    public enum Kind {
        PROPORTION("proportion (per user)", ProportionScenario.create(), Target.FIXED),
        HEAVY_TAILED_MEAN("mean, lognormal cost", HeavyTailedMeanScenario.create(), Target.FIXED),
        RATIO("ratio, sessions of 1-10 correlated requests (delta method)", RatioScenario.create(), Target.FIXED),
        P95_LATENCY("p95 latency, clustered events", QuantileScenario.create(), Target.FIXED),
        CUPED("CUPED-adjusted mean", CupedScenario.create(), Target.FIXED),
        SEQUENTIAL("sequential, 30 looks (any look)", new SequentialScenario(), Target.ALWAYS_VALID),
        NAIVE_PER_REQUEST("naive per-request test on session-split data", NaivePerRequestScenario.create(), Target.NONE),
        // last, so that the kinds before it keep their seeds (a kind's runs are seeded by its position)
        THREE_ARMS("3 arms, Holm across 2 treatments (family-wise)", new ThreeArmScenario(), Target.FAMILY_WISE),
        SEQUENTIAL_P95("sequential p95 latency, clustered, 30 looks", new SequentialQuantileScenario(), Target.ALWAYS_VALID),
        MEDIAN_TIED("median of integer game rounds, 20,000 users (ties)", TiedQuantileScenario.gameRounds(0.5), Target.FIXED),
        P90_TIED("p90 of integer game rounds, 20,000 users (ties)", TiedQuantileScenario.gameRounds(0.9), Target.FIXED),
        RATING_MEDIAN("median of 1-5 ratings, sessions of 1-10 (ties, clustered)", TiedQuantileScenario.ratingsMedian(),
                Target.FIXED),
        PAIRED_SCORE("paired eval set, judge score (400 items, 3 judgments each)", PairedScenario.score(), Target.FIXED),
        PAIRED_PASS("paired eval set, pass/fail (400 items)", PairedScenario.passFail(), Target.FIXED),
        PAIRED_PREFERENCE("paired eval set, preference with ties (400 items)", PairedScenario.preference(), Target.FIXED),
        PAIRED_P95("paired eval set, p95 latency (1,500 items, 1-3 answers)", PairedScenario.p95(), Target.FIXED);

        private final String label;
        private final Scenario scenario;
        private final Target target;

        Kind(String label, Scenario scenario, Target target) {
            this.label = label;
            this.scenario = scenario;
            this.target = target;
        }

        public String label() {
            return label;
        }

        public Target target() {
            return target;
        }
    }

    /**
     * What a kind must show, judged by the binomial spread of the runs made (issue 16 #9): the A/A
     * false-positive rate inside the central 99% of Binomial(runs, 0.05) / runs, the coverage inside
     * the central 99.9% of Binomial(runs, 0.95) / runs (one-sided for always-valid kinds), so a
     * calibrated method misses by chance about once in a hundred runs of the command, at any run count.
     */
    public enum Target {
        /** False positives about 5%, coverage about 95%. */
        FIXED("FPR ≈ 5%, coverage ≈ 95% (binomial bands)"),
        /** Always valid: false positives ≤ 5%, coverage ≥ 95%, over every look. */
        ALWAYS_VALID("FPR ≤ 5%, coverage ≥ 95% over all looks"),
        /** Several comparisons as one family: any false positive ≤ 5%, each interval covers 95%. */
        FAMILY_WISE("family-wise FPR ≤ 5%, coverage ≈ 95%"),
        /** Shown for contrast: expected to be anti-conservative. */
        NONE("none: shown to be anti-conservative");

        private final String description;

        Target(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** One kind's result. */
    public record Outcome(Kind kind, int runs, double falsePositiveRate, double coverage) {
        /** Whether the kind met its target (always false for {@link Target#NONE}). */
        public boolean meetsTarget() {
            Band fpr = Band.of(runs, 0.05, FPR_LEVEL);
            Band cover = Band.of(runs, 0.95, COVERAGE_LEVEL);
            return switch (kind.target()) {
                case FIXED -> fpr.contains(falsePositiveRate) && cover.contains(coverage);
                case ALWAYS_VALID -> falsePositiveRate <= fpr.upper() && coverage >= cover.lower();
                case FAMILY_WISE -> falsePositiveRate <= fpr.upper() && cover.contains(coverage);
                case NONE -> false;
            };
        }

        /** The bands for this many runs, e.g. "FPR 4.44–5.56%, coverage 94.3–95.7%". */
        public String bands() {
            Band fpr = Band.of(runs, 0.05, FPR_LEVEL);
            Band cover = Band.of(runs, 0.95, COVERAGE_LEVEL);
            return switch (kind.target()) {
                case FIXED -> String.format(Locale.ROOT, "FPR %.2f–%.2f%%, coverage %.2f–%.2f%%", 100 * fpr.lower(),
                        100 * fpr.upper(), 100 * cover.lower(), 100 * cover.upper());
                case ALWAYS_VALID -> String.format(Locale.ROOT, "FPR ≤ %.2f%%, coverage ≥ %.2f%%", 100 * fpr.upper(),
                        100 * cover.lower());
                case FAMILY_WISE -> String.format(Locale.ROOT, "FWER ≤ %.2f%%, coverage %.2f–%.2f%%", 100 * fpr.upper(),
                        100 * cover.lower(), 100 * cover.upper());
                case NONE -> kind.target().description();
            };
        }
    }

    /** How far from p an observed rate may be by chance alone. */
    static final double FPR_LEVEL = 0.99;
    static final double COVERAGE_LEVEL = 0.999;

    /**
     * The central {@code level} of the rate k / runs for k ~ Binomial(runs, p): a calibrated method's
     * observed rate falls inside with at least that probability.
     */
    record Band(double lower, double upper) {
        static Band of(int runs, double p, double level) {
            BinomialDistribution binomial = BinomialDistribution.of(runs, p);
            double tail = (1 - level) / 2;
            return new Band((double) binomial.inverseCumulativeProbability(tail) / runs,
                    (double) binomial.inverseCumulativeProbability(1 - tail) / runs);
        }

        boolean contains(double rate) {
            return rate >= lower && rate <= upper;
        }
    }

    private Simulation() {
    }

    /** Runs every kind {@code runs} times (A/A and A/B each). */
    public static List<Outcome> run(int runs, long seed) {
        return Arrays.stream(Kind.values()).map(kind -> run(kind, runs, seed)).toList();
    }

    /** Runs one kind. */
    public static Outcome run(Kind kind, int runs, long seed) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be positive: " + runs);
        }
        long falsePositives = count(runs, seed, kind, 0, (scenario, rng) -> scenario.falsePositive(rng));
        long covered = count(runs, seed, kind, 1, (scenario, rng) -> scenario.covers(rng));
        return new Outcome(kind, runs, (double) falsePositives / runs, (double) covered / runs);
    }

    private static long count(int runs, long seed, Kind kind, int stream,
                              BiPredicate<Scenario, UniformRandomProvider> trial) {
        return IntStream.range(0, runs).parallel()
                .filter(run -> trial.test(kind.scenario, generator(seed, kind, stream, run)))
                .count();
    }

    private static UniformRandomProvider generator(long seed, Kind kind, int stream, int run) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + kind.ordinal() * 7919L + stream * 104_729L + run);
        return random::nextLong;
    }
}
