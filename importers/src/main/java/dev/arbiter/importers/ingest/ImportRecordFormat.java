package dev.arbiter.importers.ingest;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How import times are shown: local time, to the second. */
public final class ImportRecordFormat {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ImportRecordFormat() {
    }

    public static String when(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(ZoneId.systemDefault()).format(WHEN);
    }
}
