package dev.arbiter.importers.statistics;

import dev.arbiter.importers.experiment.Experiment;
import dev.arbiter.importers.ingest.ColumnInfo;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/**
 * Where an analysis gets what it knows of the events: a dataset's columns, the arm values in the
 * data, and the sufficient statistics of every metric. The analysis ({@code importers.analysis})
 * reads nothing else, so the events can live in the workspace's DuckDB file or in any engine a
 * {@link SqlDialect} speaks to — only these aggregates cross the seam.
 */
public interface StatisticsSource {
    /** Where the events are, for messages (e.g. the workspace file). */
    String describe();

    /** The dataset's columns and types, in table order. */
    List<ColumnInfo> columns(String dataset) throws SQLException;

    /** The distinct values of the experiment's variant column (at most 1,000), as text, in order. */
    List<String> armValues(Experiment definition) throws SQLException;

    /** How many distinct values {@code column} of the dataset has, counting at most {@code atMost} + 1. */
    long distinctValues(String dataset, String column, long atMost) throws SQLException;

    /**
     * The sufficient statistics of the experiment's metrics per arm, segment and day.
     *
     * @param definition   a definition already checked against {@code columns}
     * @param asOf         the last day of events to include, or null for all
     * @param exposureDays also by days 0..N since first exposure (0: not)
     */
    ExperimentStatistics statistics(Experiment definition, List<ColumnInfo> columns, LocalDate asOf,
                                    int exposureDays) throws SQLException;

    /** What the data says beside the statistics (assigned units without events, unpriced models); none by default. */
    default DataNotes dataNotes(Experiment definition, List<ColumnInfo> columns, LocalDate asOf) throws SQLException {
        return DataNotes.NONE;
    }
}
