package dev.arbiter.samples;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The random draws scenarios are made of, from one seeded generator so a seed gives the same data
 * every time: Bernoulli, uniform integers, lognormal latencies with a tail, weighted choices, and
 * start times over the experiment's days with a weekday pattern.
 */
final class Draw {
    /** Monday 2 March 2026, 00:00 UTC: day 0 of every sample. */
    static final LocalDateTime START = LocalDateTime.of(2026, 3, 2, 0, 0);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final SplittableRandom random;

    Draw(long seed) {
        this.random = new SplittableRandom(seed);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** Uniform on [low, high], both included. */
    int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    double uniform(double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    double normal() {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** Lognormal with the given median and log-scale spread. */
    double lognormal(double median, double sigma) {
        return median * Math.exp(sigma * normal());
    }

    /** Index i with probability weights[i] / Σweights. */
    int pick(double... weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** A start time within {@code days} days, weekends at 60% of weekday traffic, daytime-heavy hours. */
    LocalDateTime startTime(int days) {
        double[] weights = new double[days];
        for (int d = 0; d < days; d++) {
            weights[d] = START.plusDays(d).getDayOfWeek().getValue() >= 6 ? 0.6 : 1.0;
        }
        int day = pick(weights);
        double hour = Math.min(23.99, Math.max(0, 8 + 10 * random.nextDouble() + 3 * normal()));
        return START.plusDays(day).plusSeconds((long) (hour * 3600));
    }

    static String timestamp(LocalDateTime time) {
        return TIMESTAMP.format(time);
    }

    static LocalDateTime plus(LocalDateTime time, double seconds) {
        return time.plus(Duration.ofMillis(Math.round(seconds * 1000)));
    }

    /** A number with {@code digits} decimals, as text. */
    static String fixed(double value, int digits) {
        return BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    }
}
