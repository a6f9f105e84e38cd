package dev.arbiter.importers.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Cost from tokens when the export has no cost column: a computed column {@code column} =
 * tokens_in × input price + tokens_out × output price, prices in USD per million tokens of the
 * model in {@code modelColumn}. Models missing from the table get no cost (and are counted).
 *
 * @param column          the name of the computed column metrics refer to, e.g. {@code cost_usd}
 * @param modelColumn     the column naming the model that served each event
 * @param tokensInColumn  input tokens
 * @param tokensOutColumn output tokens
 * @param prices          per model: USD per 1M input and output tokens
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PriceTable(String column, String modelColumn, String tokensInColumn, String tokensOutColumn,
                         Map<String, Price> prices) {
    public PriceTable {
        prices = prices == null ? Map.of() : Map.copyOf(prices);
    }

    /** USD per one million input and output tokens. */
    public record Price(double inputPerMillion, double outputPerMillion) {
    }
}
