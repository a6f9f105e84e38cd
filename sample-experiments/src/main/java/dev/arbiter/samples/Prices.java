package dev.arbiter.samples;

import java.util.Map;

/** List prices used by the samples, USD per million input and output tokens. */
final class Prices {
    static final Map<String, double[]> PER_MILLION = Map.of(
            "claude-sonnet-4-5", new double[] {3.0, 15.0},
            "claude-haiku-4-5", new double[] {1.0, 5.0},
            "gpt-4.1-nano", new double[] {0.1, 0.4},
            "gpt-4.1-mini", new double[] {0.4, 1.6},
            "deepseek-chat", new double[] {0.27, 1.10},
            "gemini-2.5-flash", new double[] {0.30, 2.50},
            "gemini-2.5-flash-lite", new double[] {0.10, 0.40});

    private Prices() {
    }

    /** The cost of one call in USD. */
    static double cost(String model, double tokensIn, double tokensOut) {
        double[] price = PER_MILLION.get(model);
        return (tokensIn * price[0] + tokensOut * price[1]) / 1e6;
    }
}
