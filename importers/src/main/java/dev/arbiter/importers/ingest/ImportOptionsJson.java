package dev.arbiter.importers.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * The options an import ran with, as the JSON object of the import log's {@code options} column
 * (docs/workspace-format.md): mode, text policy, format, gzip, files, and the per-column policies
 * and added columns when given. Written with Jackson's streaming generator: the object mapper's
 * first use costs a command line ~0.3 s of class loading, the generator's ~0.05 s.
 */
final class ImportOptionsJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private ImportOptionsJson() {
    }

    static String describe(ImportOptions options, Source source) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("mode", options.mode().name().toLowerCase(Locale.ROOT));
            json.writeStringField("text", options.textPolicy().key());
            json.writeStringField("format", source.format().label());
            json.writeBooleanField("gzip", source.gzip());
            json.writeNumberField("files", source.files().size());
            if (!options.columnPolicies().isEmpty()) {
                json.writeObjectFieldStart("columns");
                for (Map.Entry<String, ImportOptions.TextPolicy> column : options.columnPolicies().entrySet()) {
                    json.writeStringField(column.getKey(), column.getValue().key());
                }
                json.writeEndObject();
            }
            writeAdded(json, options.added());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to a string", e);
        }
        return text.toString();
    }

    private static void writeAdded(JsonGenerator json, AddedColumns added) throws IOException {
        if (added.fileColumn() != null) {
            json.writeStringField("fileColumn", added.fileColumn());
            json.writeObjectFieldStart("fileLabels");
            for (Map.Entry<String, String> label : added.fileLabels().entrySet()) {
                json.writeStringField(label.getKey(), label.getValue());
            }
            json.writeEndObject();
        }
        if (added.rowIdColumn() != null) {
            json.writeStringField("rowIdColumn", added.rowIdColumn());
        }
    }
}
