package dev.arbiter.app.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.importers.ingest.DatasetCatalog;
import dev.arbiter.importers.statistics.SourceRecord;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

/**
 * The JSON files a decision PDF carries (PDF embedded files, listed by any reader's attachments
 * panel): the definition, the full analysis and the decision. File names are a contract that
 * {@code arbiter reproduce} and users' scripts rely on (docs/decision-format.md).
 */
public final class ReportAttachments {
    public static final String EXPERIMENT = "experiment.json";
    public static final String ANALYSIS = "analysis.json";
    public static final String DECISION = "decision.json";
    public static final String PROVENANCE = "provenance.json";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** One attached file. */
    public record Attachment(String name, String description, String text) {
    }

    private ReportAttachments() {
    }

    /**
     * The imports behind the dataset as JSON: file, sha256, rowsLoaded, rowsRejected, mode, importedAt;
     * for a warehouse table (issue 20) also {@code source}: engine, url, table, rows, dataFingerprint,
     * queryFingerprint.
     */
    static String provenanceJson(String dataset, List<DatasetCatalog.ImportRecord> imports, SourceRecord source) {
        ObjectNode root = MAPPER.createObjectNode().put("dataset", source == null ? dataset : source.table());
        ArrayNode files = root.putArray("imports");
        for (DatasetCatalog.ImportRecord record : imports) {
            files.addObject().put("file", record.fileName()).put("sha256", record.sha256())
                    .put("rowsLoaded", record.rowsLoaded()).put("rowsRejected", record.rowsRejected())
                    .put("mode", record.mode())
                    .put("importedAt", record.finishedAt() == null ? null : record.finishedAt().toInstant().toString());
        }
        if (source != null) {
            root.putObject("source").put("engine", source.engine()).put("url", source.url()).put("table", source.table())
                    .put("rows", source.rows()).put("dataFingerprint", source.dataFingerprint())
                    .put("queryFingerprint", source.queryFingerprint());
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the provenance as JSON", e);
        }
    }

    static void attach(PDDocument document, List<Attachment> attachments, Instant created) throws IOException {
        Calendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        when.setTimeInMillis(created.toEpochMilli());
        Map<String, PDComplexFileSpecification> files = new LinkedHashMap<>();
        for (Attachment attachment : attachments) {
            byte[] bytes = attachment.text().getBytes(StandardCharsets.UTF_8);
            PDEmbeddedFile embedded = new PDEmbeddedFile(document, new ByteArrayInputStream(bytes));
            embedded.setSubtype("application/json");
            embedded.setSize(bytes.length);
            embedded.setCreationDate(when);
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile(attachment.name());
            spec.setFileUnicode(attachment.name());
            spec.setFileDescription(attachment.description());
            spec.setEmbeddedFile(embedded);
            spec.setEmbeddedFileUnicode(embedded);
            files.put(attachment.name(), spec);
        }
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(files);
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
        names.setEmbeddedFiles(tree);
        document.getDocumentCatalog().setNames(names);
    }

    /** The attached files by name, as text; empty when the document has none. */
    public static Map<String, String> read(PDDocument document) throws IOException {
        Map<String, String> found = new LinkedHashMap<>();
        PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
        if (names == null || names.getEmbeddedFiles() == null) {
            return found;
        }
        collect(names.getEmbeddedFiles(), found);
        return found;
    }

    private static void collect(PDNameTreeNode<PDComplexFileSpecification> node, Map<String, String> found) throws IOException {
        Map<String, PDComplexFileSpecification> files = node.getNames();
        if (files != null) {
            for (Map.Entry<String, PDComplexFileSpecification> file : files.entrySet()) {
                PDEmbeddedFile embedded = file.getValue().getEmbeddedFileUnicode() != null
                        ? file.getValue().getEmbeddedFileUnicode() : file.getValue().getEmbeddedFile();
                if (embedded != null) {
                    found.put(file.getKey(), new String(embedded.toByteArray(), StandardCharsets.UTF_8));
                }
            }
        }
        if (node.getKids() != null) {
            for (PDNameTreeNode<PDComplexFileSpecification> kid : node.getKids()) {
                collect(kid, found);
            }
        }
    }
}
