package dev.arbiter.app.cli;

import dev.arbiter.importers.analysis.ExperimentAnalyzer;
import dev.arbiter.importers.experiment.ExperimentDefinition;
import dev.arbiter.importers.experiment.ExperimentException;
import dev.arbiter.importers.result.ExperimentResult;
import dev.arbiter.importers.statistics.SourceRecord;
import dev.arbiter.importers.statistics.WarehouseSource;
import dev.arbiter.importers.workspace.WorkspaceException;
import java.sql.SQLException;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/**
 * {@code --source JDBC_URL --table TABLE}: the events in another engine (issue 20), for {@code
 * analyze}, {@code report} and {@code reproduce}. Ctrl-C cancels the engine's running queries (they
 * would otherwise run on in the cluster), and a failure is one line naming the engine and the table.
 */
final class SourceArguments {
    @Option(names = "--source", paramLabel = "JDBC_URL", description = "Read the events from a table in another engine "
            + "instead of a workspace (Databricks, a Spark Thrift server, DuckDB): only aggregates come back. Credentials "
            + "from ARBITER_SOURCE_TOKEN or ARBITER_SOURCE_USER and ARBITER_SOURCE_PASSWORD (docs/warehouse.md).")
    String url;

    @Option(names = "--table", paramLabel = "TABLE", description = "With --source: the events' table, e.g. "
            + "main.analytics.events (it stands for the experiment's dataset).")
    String table;

    /** An analysis of a warehouse table and the record of what was read. */
    record Analysed(ExperimentResult result, SourceRecord source) {
    }

    boolean given() {
        return url != null;
    }

    /** --table only with --source, and --source only with it. */
    void check() {
        if (url == null && table != null) {
            throw new IllegalArgumentException("--table goes with --source JDBC_URL; a workspace names its dataset in the experiment");
        }
        if (url != null && table == null) {
            throw new IllegalArgumentException("--source needs --table: the events' table, e.g. main.analytics.events");
        }
    }

    /** Analyses {@code definition} on the table (read as the experiment's dataset), then records the table. */
    Analysed analyse(ExperimentDefinition definition, LocalDate asOf, String name, int exposureDays)
            throws WorkspaceException, ExperimentException {
        WarehouseSource warehouse = WarehouseSource.of(url, table, System.getenv());
        Thread cancelOnInterrupt = new Thread(warehouse::cancel, "arbiter-cancel-remote-queries");
        Runtime.getRuntime().addShutdownHook(cancelOnInterrupt);
        try {
            ExperimentResult result = ExperimentAnalyzer.analyze(warehouse.statistics(),
                    definition.withDataset(WarehouseSource.VIEW), asOf, name, exposureDays);
            return new Analysed(result, warehouse.record());
        } catch (WorkspaceException | SQLException e) {
            throw new WorkspaceException("Cannot analyse '" + definition.name() + "' on " + warehouse.explain(e), e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cancelOnInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: the queries are being cancelled
            }
        }
    }
}
