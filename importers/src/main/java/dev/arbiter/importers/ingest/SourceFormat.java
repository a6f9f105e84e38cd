package dev.arbiter.importers.ingest;

/** The kinds of export Arbiter reads. */
public enum SourceFormat {
    /** CSV or TSV, optionally gzip-compressed; delimiter, quoting, header and types sniffed by DuckDB. */
    CSV("csv"),
    /** Parquet: a file, a folder of files, or a glob. */
    PARQUET("parquet"),
    /** JSON lines, or a JSON array of objects. */
    JSON("json"),
    /** A Langfuse trace export {trace, observations}: one row per GENERATION observation. */
    LANGFUSE("langfuse"),
    /** LangSmith run payloads {post, patch}: one row per llm run. */
    LANGSMITH("langsmith"),
    /** OpenTelemetry OTLP JSON (resourceSpans): one row per span with GenAI attributes. */
    OTLP("otlp");

    private final String label;

    SourceFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The format's name as its makers write it: "LangSmith", "OTLP", "CSV". */
    public String title() {
        return switch (this) {
            case CSV -> "CSV";
            case PARQUET -> "Parquet";
            case JSON -> "JSON";
            case LANGFUSE -> "Langfuse";
            case LANGSMITH -> "LangSmith";
            case OTLP -> "OTLP";
        };
    }

    /** True for the LLM trace formats that are flattened to one row per model call. */
    public boolean isTrace() {
        return this == LANGFUSE || this == LANGSMITH || this == OTLP;
    }
}
