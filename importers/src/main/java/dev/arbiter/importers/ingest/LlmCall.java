package dev.arbiter.importers.ingest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import java.time.Instant;

/**
 * One model call flattened from a trace export. Nullable fields are unknown in the export.
 *
 * @param traceId    trace id
 * @param requestId  observation, run or span id
 * @param sessionId  session id
 * @param userId     user id
 * @param name       the call's name in the trace
 * @param model      model that served it (response model when known, else requested)
 * @param provider   provider or system (openai, anthropic, ...)
 * @param startTime  start
 * @param latencyMs  end − start in milliseconds
 * @param ttftMs     time to first token in milliseconds
 * @param tokensIn   input tokens
 * @param tokensOut  output tokens
 * @param costUsd    cost in USD
 * @param error      whether the call failed
 * @param attributes every attribute of the call in the export (typed values, see {@link TraceAttributes})
 * @param file       the export file it came from
 */
public record LlmCall(String traceId, String requestId, String sessionId, String userId, String name, String model,
                      String provider, Instant startTime, Double latencyMs, Double ttftMs, Long tokensIn,
                      Long tokensOut, Double costUsd, boolean error, Map<String, Object> attributes, String file) {
    public LlmCall {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** The same call, read from {@code name}. */
    LlmCall from(String name) {
        return new LlmCall(traceId, requestId, sessionId, userId, this.name, model, provider, startTime, latencyMs, ttftMs,
                tokensIn, tokensOut, costUsd, error, attributes, name);
    }

    /** The flattened table's columns and DuckDB types, in order. */
    static final String[][] COLUMNS = {
            {"trace_id", "VARCHAR"}, {"request_id", "VARCHAR"}, {"session_id", "VARCHAR"}, {"user_id", "VARCHAR"},
            {"name", "VARCHAR"}, {"model", "VARCHAR"}, {"provider", "VARCHAR"}, {"ts", "TIMESTAMPTZ"},
            {"latency_ms", "DOUBLE"}, {"ttft_ms", "DOUBLE"}, {"tokens_in", "BIGINT"}, {"tokens_out", "BIGINT"},
            {"cost_usd", "DOUBLE"}, {"error", "BOOLEAN"}};
}
