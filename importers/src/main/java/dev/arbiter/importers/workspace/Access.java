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
    IMPORT,
    /**
     * Only reading, as {@link #ANALYSIS} but read-only: several processes can read one workspace at
     * once ({@code arbiter analyze}, {@code datasets}, {@code report}, {@code reproduce}); a writer
     * waits until they are done, or is refused saying the workspace is open in another program.
     */
    READ
}
