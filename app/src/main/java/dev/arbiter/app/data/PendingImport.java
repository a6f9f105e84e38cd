package dev.arbiter.app.data;

import dev.arbiter.importers.ingest.ImportPreview;
import java.util.List;

/** Files dropped or chosen, with the preview of the first, waiting for the analyst to confirm the mapping. */
public record PendingImport(List<String> sources, ImportPreview preview) {
    public PendingImport {
        sources = List.copyOf(sources);
    }
}
