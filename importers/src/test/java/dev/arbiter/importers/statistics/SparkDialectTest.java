package dev.arbiter.importers.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Issue 20: the engine-neutral SQL in Spark's words, never inside quoted names or texts. */
class SparkDialectTest {
    private static final SqlDialect SPARK = SqlDialect.SPARK;

    @Test
    void typesAndLiteralsAreSparks() {
        assertEquals("SELECT CAST(\"u\" AS STRING) AS unit, CAST(\"x\" AS DOUBLE) AS n0, CASE WHEN \"b\" THEN 1E0 "
                        + "WHEN NOT \"b\" THEN 0E0 END AS n1 FROM \"events\"",
                SPARK.translate("SELECT CAST(\"u\" AS VARCHAR) AS unit, CAST(\"x\" AS DOUBLE PRECISION) AS n0, CASE WHEN \"b\" "
                        + "THEN 1.0 WHEN NOT \"b\" THEN 0.0 END AS n1 FROM \"events\""));
    }

    @Test
    void numbersThatOnlyStartLikeALiteralAndQuotedTextStayAsTheyAre() {
        assertEquals("SELECT PERCENTILE_CONT(0.05) WITHIN GROUP (ORDER BY v), 10.0, 1.05, x1.0",
                SPARK.translate("SELECT PERCENTILE_CONT(0.05) WITHIN GROUP (ORDER BY v), 10.0, 1.05, x1.0"));
        assertEquals("SELECT \"a AS VARCHAR) 1.0\" FROM \"t\" WHERE c = 'DOUBLE PRECISION ''1.0''' AND d = 1E0",
                SPARK.translate("SELECT \"a AS VARCHAR) 1.0\" FROM \"t\" WHERE c = 'DOUBLE PRECISION ''1.0''' AND d = 1.0"));
    }

    @Test
    void daysAreDatediffAndTheSessionIsPinned() {
        assertEquals("datediff(CAST(ts AS DATE), first_day)", SPARK.daysBetween("first_day", "CAST(ts AS DATE)"));
        assertEquals("SET spark.sql.session.timeZone = UTC", SPARK.sessionSetup().get(2));
        assertEquals("VARCHAR", SparkDialect.typeName("string"));
        assertEquals("TIMESTAMP WITH TIME ZONE", SparkDialect.typeName("timestamp"));
        assertEquals("DECIMAL(10,2)", SparkDialect.typeName("decimal(10,2)"));
    }
}
