package dev.arbiter.importers.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoleDetectorTest {
    private static ColumnInfo c(String name, String type) {
        return new ColumnInfo(name, type);
    }

    @Test
    void llmRequestLogColumnsGetTheirRoles() {
        RoleDetector.Detection detection = RoleDetector.detect(List.of(c("request_id", "BIGINT"), c("session_id", "VARCHAR"),
                c("variant", "VARCHAR"), c("ts", "TIMESTAMP"), c("model_served", "VARCHAR"), c("latency_ms", "DOUBLE"),
                c("ttft_ms", "DOUBLE"), c("tokens_in", "BIGINT"), c("tokens_out", "BIGINT"), c("cost_usd", "DOUBLE"),
                c("resolved", "BOOLEAN"), c("refusal", "BOOLEAN"), c("schema_valid", "BOOLEAN"), c("fallback", "BOOLEAN"),
                c("prompt", "VARCHAR"), c("response", "VARCHAR")));
        assertEquals(Map.ofEntries(Map.entry(Role.REQUEST_ID, "request_id"), Map.entry(Role.SESSION_ID, "session_id"),
                Map.entry(Role.VARIANT, "variant"), Map.entry(Role.TIMESTAMP, "ts"), Map.entry(Role.MODEL, "model_served"),
                Map.entry(Role.LATENCY, "latency_ms"), Map.entry(Role.TTFT, "ttft_ms"), Map.entry(Role.TOKENS_IN, "tokens_in"),
                Map.entry(Role.TOKENS_OUT, "tokens_out"), Map.entry(Role.COST, "cost_usd"), Map.entry(Role.SUCCESS, "resolved"),
                Map.entry(Role.REFUSAL, "refusal"), Map.entry(Role.SCHEMA_VALID, "schema_valid"),
                Map.entry(Role.FALLBACK, "fallback")), detection.roles());
        assertEquals(List.of("prompt", "response"), detection.textColumns());
    }

    @Test
    void camelCaseDottedAndLooseNamesAreRecognised() {
        RoleDetector.Detection detection = RoleDetector.detect(List.of(c("userId", "VARCHAR"), c("experiment_group", "VARCHAR"),
                c("gen_ai.usage.input_tokens", "BIGINT"), c("p95_latency_ms", "DOUBLE"), c("createdAt", "TIMESTAMP")));
        assertEquals("userId", detection.roles().get(Role.USER_ID));
        assertEquals("experiment_group", detection.roles().get(Role.VARIANT));
        assertEquals("gen_ai.usage.input_tokens", detection.roles().get(Role.TOKENS_IN));
        assertEquals("p95_latency_ms", detection.roles().get(Role.LATENCY));
        assertEquals("createdAt", detection.roles().get(Role.TIMESTAMP));
    }

    /**
     * Issue 17: mistakes seen on real LLM data — a version column taken for free text (and dropped),
     * a numeric error code taken for the 0/1 error flag, a duration taken for the timestamp.
     */
    @Test
    void identifiersCodesAndDurationsAreNotMistakenForTextFlagsOrTimes() {
        RoleDetector.Detection detection = RoleDetector.detect(List.of(c("prompt_version", "VARCHAR"), c("prompt", "VARCHAR"),
                c("error_code", "BIGINT"), c("error_message", "VARCHAR"), c("time_per_example", "DOUBLE"),
                c("time_to_first_token", "DOUBLE"), c("response_text", "VARCHAR"), c("prompt_variant", "VARCHAR"),
                c("prompt_group", "VARCHAR")));
        assertEquals(List.of("prompt", "error_message", "response_text"), detection.textColumns());
        assertFalse(detection.roles().containsKey(Role.ERROR), detection.roles().toString());
        assertFalse(detection.roles().containsKey(Role.TIMESTAMP), detection.roles().toString());
        RoleDetector.Detection flags = RoleDetector.detect(List.of(c("api_error", "BOOLEAN"), c("request_time", "TIMESTAMP")));
        assertEquals("api_error", flags.roles().get(Role.ERROR));
        assertEquals("request_time", flags.roles().get(Role.TIMESTAMP));
    }

    @Test
    void typesMustFitTheRole() {
        RoleDetector.Detection detection = RoleDetector.detect(List.of(c("latency", "VARCHAR"), c("model", "BIGINT")));
        assertTrue(detection.roles().isEmpty(), detection.roles().toString());
    }

    @Test
    void unknownRoleNamesTheValidOnes() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Role.fromKey("arm_id"));
        assertTrue(error.getMessage().contains("variant, user_id, session_id"), error.getMessage());
    }
}
