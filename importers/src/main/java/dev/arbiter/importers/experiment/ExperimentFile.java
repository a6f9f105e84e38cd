package dev.arbiter.importers.experiment;

import dev.arbiter.importers.JsonMessages;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Reads and writes experiment definition files (JSON, docs/experiment-format.md). A file that
 * cannot be read says where: the key path, line and column, e.g.
 * {@code e.json: guardrails[1].kind (line 12, column 14): must be unit, ratio or quantile, not 'ratioo'}.
 */
public final class ExperimentFile {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ExperimentFile() {
    }

    /** Reads a definition file; the message of the exception says what is wrong and where. */
    public static ExperimentDefinition read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such experiment file");
        }
        return parse(Files.readString(file), file.getFileName().toString());
    }

    /** Parses definition JSON; {@code source} names it in messages. */
    public static ExperimentDefinition parse(String json, String source) throws IOException {
        try {
            ExperimentDefinition definition = MAPPER.readValue(json, ExperimentDefinition.class);
            if (definition == null) {
                throw new IOException(source + ": the file is empty; it must hold one JSON object");
            }
            return definition;
        } catch (JsonMappingException e) {
            throw new IOException(source + ": " + describe(e), e);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IOException(source + ": invalid JSON" + where(at) + ": " + JsonMessages.plain(e), e);
        }
    }

    /** The definition as JSON, the form {@code arbiter analyze --experiment} reads. */
    public static String toJson(ExperimentDefinition definition) {
        try {
            return MAPPER.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the experiment as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static void write(ExperimentDefinition definition, Path file) throws IOException {
        Files.writeString(file, toJson(definition) + System.lineSeparator());
    }

    private static String describe(JsonMappingException e) {
        String path = e.getPath().stream().map(reference -> reference.getFieldName() != null
                ? "." + reference.getFieldName() : "[" + reference.getIndex() + "]").collect(Collectors.joining());
        path = path.startsWith(".") ? path.substring(1) : path;
        String reason;
        if (e instanceof UnrecognizedPropertyException unknown) {
            reason = "unknown key '" + unknown.getPropertyName() + "'";
            path = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "";
        } else {
            Throwable cause = e.getCause();
            reason = cause instanceof IllegalArgumentException ? cause.getMessage() : JsonMessages.plain(e);
        }
        return (path.isEmpty() ? "" : path) + where(e.getLocation()) + ": " + reason;
    }

    private static String where(JsonLocation at) {
        return at == null || at.getLineNr() < 0 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }
}
