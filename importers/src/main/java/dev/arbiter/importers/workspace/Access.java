package dev.arbiter.importers.workspace;

/**
 * How a workspace's DuckDB instance is configured. External file access is an instance-wide
 * DuckDB setting, so analysis and import use differently configured instances of the same file,
 * one at a time.
 */
public enum Access {
    /**
     * For reading and analysing: external file access disabled and the configuration locked, so
     * no query built from a user-provided name can read or write any other file.
     */
    ANALYSIS,
    /** For importing: DuckDB may read the files being imported. */
    IMPORT
}
