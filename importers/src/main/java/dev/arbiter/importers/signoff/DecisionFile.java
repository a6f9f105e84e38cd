package dev.arbiter.importers.signoff;

import dev.arbiter.importers.JsonMessages;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.arbiter.analytics.reading.RecommendationKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Reads, checks and writes decision files (docs/decision-format.md); problems name their key. */
public final class DecisionFile {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private DecisionFile() {
    }

    public static DecisionRecord read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such decision file");
        }
        return parse(Files.readString(file), file.getFileName().toString());
    }

    /** Parses and checks decision JSON; {@code source} names it in messages. */
    public static DecisionRecord parse(String json, String source) throws IOException {
        DecisionRecord record;
        try {
            record = MAPPER.readValue(json, DecisionRecord.class);
        } catch (JsonMappingException e) {
            String path = e.getPath().stream().map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining()).replaceFirst("^\\.", "");
            throw new IOException(source + ": " + path + ": " + JsonMessages.plain(e), e);
        } catch (JsonProcessingException e) {
            throw new IOException(source + ": invalid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + JsonMessages.plain(e), e);
        }
        List<String> problems = problems(record);
        if (!problems.isEmpty()) {
            throw new IOException(source + ": " + String.join("; ", problems));
        }
        return record;
    }

    /** What is wrong with a decision, each problem naming its key; empty when it is complete. */
    public static List<String> problems(DecisionRecord record) {
        List<String> problems = new ArrayList<>();
        if (record == null) {
            problems.add("the file is empty");
            return problems;
        }
        try {
            RecommendationKind.fromLabel(String.valueOf(record.decision()));
        } catch (IllegalArgumentException e) {
            problems.add("decision: " + e.getMessage());
        }
        for (int i = 0; i < record.signoffs().size(); i++) {
            Signoff signoff = record.signoffs().get(i);
            if (signoff.name() == null || signoff.name().isBlank()) {
                problems.add("signoffs[" + i + "].name: missing");
            }
            try {
                LocalDate.parse(String.valueOf(signoff.date()));
            } catch (DateTimeParseException e) {
                problems.add("signoffs[" + i + "].date: must be a date like 2026-03-20, got '" + signoff.date() + "'");
            }
        }
        return problems;
    }

    public static String toJson(DecisionRecord record) {
        try {
            return MAPPER.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the decision as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static void write(DecisionRecord record, Path file) throws IOException {
        Files.writeString(file, toJson(record) + System.lineSeparator());
    }
}
