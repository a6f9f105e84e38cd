package dev.arbiter.importers.statistics;

/** Standard SQL: every default of {@link SqlDialect}. */
final class AnsiDialect implements SqlDialect {
    @Override
    public String toString() {
        return "standard SQL";
    }
}
