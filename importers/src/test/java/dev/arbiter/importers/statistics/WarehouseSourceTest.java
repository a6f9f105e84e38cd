package dev.arbiter.importers.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 20: a warehouse table by URL — the dialect from the URL, a dotted table name quoted part by part. */
class WarehouseSourceTest {
    @Test
    void theUrlSaysTheDialect() {
        assertEquals(SqlDialect.SPARK, WarehouseSource.dialectFor("jdbc:databricks://adb-1.azuredatabricks.net:443/default"));
        assertEquals(SqlDialect.SPARK, WarehouseSource.dialectFor("jdbc:hive2://thrift:10000/default"));
        assertEquals(SqlDialect.DUCKDB, WarehouseSource.dialectFor("jdbc:duckdb:/data/events.duckdb"));
        assertEquals(SqlDialect.ANSI, WarehouseSource.dialectFor("jdbc:trino://host:8080/hive"));
    }

    /** A token or password in the URL's parameters is never shown or recorded (credentials belong in the environment). */
    @Test
    void theUrlIsShownWithoutItsParameters() {
        String url = "jdbc:databricks://adb-1.azuredatabricks.net:443/default;transportMode=http;AuthMech=3;UID=token;PWD=dapi-secret";
        assertEquals("jdbc:databricks://adb-1.azuredatabricks.net:443/default…", WarehouseSource.withoutParameters(url));
        assertEquals("Spark SQL at jdbc:databricks://adb-1.azuredatabricks.net:443/default…, table main.events",
                WarehouseSource.of(url, "main.events", Map.of(WarehouseSource.TOKEN, "dapi-other")).statistics().describe());
        assertEquals("jdbc:postgresql://db/x…", WarehouseSource.withoutParameters("jdbc:postgresql://db/x?password=p"));
    }

    @Test
    void aDottedTableIsQuotedPartByPart() {
        assertEquals("\"main\".\"analytics\".\"events\"", WarehouseSource.qualified("main.analytics.events"));
        assertEquals("\"we\"\"ird\"", WarehouseSource.qualified("we\"ird"));
        assertThrows(IllegalArgumentException.class, () -> WarehouseSource.qualified("main..events"));
    }
}
