package dev.arbiter.importers.ingest;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a column means to an experiment, detected from its name (and type) and confirmed or
 * changed by the analyst. Keys are the names used by {@code --map ROLE=COLUMN} and stored in
 * {@code arbiter_roles}.
 */
public enum Role {
    VARIANT("variant", "the arm a unit was assigned to", Kind.ANY,
            "variant", "arm", "group", "version", "bucket", "treatment", "experiment_group", "variation", "cohort"),
    USER_ID("user_id", "user identifier", Kind.ANY, "user_id", "userid", "user", "customer_id", "account_id", "visitor_id"),
    SESSION_ID("session_id", "session identifier", Kind.ANY, "session_id", "sessionid", "session", "conversation_id", "thread_id"),
    REQUEST_ID("request_id", "request identifier", Kind.ANY, "request_id", "requestid", "call_id", "span_id", "run_id"),
    TRACE_ID("trace_id", "trace identifier", Kind.ANY, "trace_id", "traceid", "trace"),
    EVENT_ID("event_id", "unique event identifier (duplicates are dropped)", Kind.ANY, "event_id", "eventid", "event_uuid"),
    TIMESTAMP("timestamp", "when the event happened", Kind.TIME,
            "ts", "timestamp", "time", "event_time", "created_at", "start_time", "date", "datetime", "event_timestamp"),
    MODEL("model", "model that served the request", Kind.TEXT,
            "model", "model_served", "served_model", "model_name", "llm", "gen_ai_response_model", "response_model"),
    LATENCY("latency", "latency (ms)", Kind.NUMBER, "latency_ms", "latency", "duration_ms", "response_time_ms",
            "response_time", "end_to_end_latency_s", "end_to_end_latency"),
    TTFT("ttft", "time to first token", Kind.NUMBER, "ttft_ms", "ttft", "ttft_s", "time_to_first_token"),
    TOKENS_IN("tokens_in", "input tokens", Kind.NUMBER,
            "tokens_in", "input_tokens", "prompt_tokens", "number_input_tokens", "gen_ai_usage_input_tokens"),
    TOKENS_OUT("tokens_out", "output tokens", Kind.NUMBER,
            "tokens_out", "output_tokens", "completion_tokens", "number_output_tokens", "gen_ai_usage_output_tokens"),
    COST("cost", "cost (USD)", Kind.NUMBER, "cost_usd", "cost", "total_cost", "price_usd", "cost_per_request"),
    SUCCESS("success", "success outcome", Kind.OUTCOME,
            "success", "resolved", "converted", "conversion", "completed", "exported", "retained"),
    REFUSAL("refusal", "the model refused", Kind.OUTCOME, "refusal", "refused", "is_refusal"),
    SCHEMA_VALID("schema_valid", "output passed its JSON schema", Kind.OUTCOME,
            "schema_valid", "json_valid", "valid_json", "is_valid"),
    FALLBACK("fallback", "served by the fallback model", Kind.OUTCOME, "fallback", "is_fallback", "used_fallback"),
    // not "error_code": a code (429, 500) is not a 0/1 flag, and read as one it poisons the metric (issue 17)
    ERROR("error", "the request failed", Kind.OUTCOME, "error", "is_error", "failed"),
    TEXT("text", "free text (prompt or response): personal data, not stored unless asked", Kind.TEXT,
            "prompt", "response", "completion", "input", "output", "text", "message", "messages", "content",
            "question", "answer", "generated_text", "input_value", "output_value", "instruction", "raw_completion");

    /** The column types a role accepts. */
    enum Kind { ANY, TEXT, NUMBER, TIME, OUTCOME }

    private final String key;
    private final String description;
    private final Kind kind;
    private final List<String> names;

    Role(String key, String description, Kind kind, String... names) {
        this.key = key;
        this.description = description;
        this.kind = kind;
        this.names = List.of(names);
    }

    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    /** Known column names for this role, most specific first. */
    List<String> names() {
        return names;
    }

    Kind kind() {
        return kind;
    }

    /** The role with this key, e.g. {@code user_id}. */
    public static Role fromKey(String key) {
        String normalised = key.trim().toLowerCase(Locale.ROOT);
        for (Role role : values()) {
            if (role.key.equals(normalised)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + key + "'; roles are: "
                + String.join(", ", Arrays.stream(values()).map(Role::key).toList()));
    }

    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");

    /** A column name reduced for matching: lower case, separators as single underscores. */
    static String normalise(String column) {
        String snake = column.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        return SEPARATORS.matcher(snake).replaceAll("_").replaceAll("^_|_$", "");
    }
}
