package dev.arbiter.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** RFC 4180 fields, as a spreadsheet reads them back. */
class CsvTextTest {
    @Test
    void fieldsAreQuotedOnlyWhenTheyMustBe() {
        assertEquals("resolution_rate", CsvText.field("resolution_rate"));
        assertEquals("", CsvText.field(null));
        assertEquals("\"a, b\"", CsvText.field("a, b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvText.field("say \"hi\""));
        assertEquals("\"two\nlines\"", CsvText.field("two\nlines"));
        assertEquals("\"cr\r\"", CsvText.field("cr\r"));
    }

    @Test
    void quotedFieldsAlwaysAre() {
        assertEquals("\"ragged.csv\"", CsvText.quoted("ragged.csv"));
        assertEquals("\"\"\"\"", CsvText.quoted("\""));
        assertEquals("", CsvText.quoted(null));
    }
}
