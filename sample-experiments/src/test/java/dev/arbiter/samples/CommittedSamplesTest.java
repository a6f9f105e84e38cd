package dev.arbiter.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.importers.experiment.ExperimentFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** The committed sample files are exactly what the generator writes from each sample's seed, and stay small. */
class CommittedSamplesTest {
    static List<String> names() {
        return SampleCatalog.all().stream().map(SampleCatalog.Sample::name).toList();
    }

    @ParameterizedTest
    @MethodSource("names")
    void committedEventsAreTheGeneratorsOutput(String name) throws Exception {
        String committed;
        try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream("/dev/arbiter/samples/" + name + "/events.csv.gz"))) {
            committed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String generated = SampleCatalog.committedCsv(name);
        assertEquals(generated.length(), committed.length(), "regenerate with SampleGenerator (docs/samples.md)");
        assertEquals(generated, committed);
        assertEquals(name, SampleCatalog.get(name).name());
        ExperimentFile.parse(SampleCatalog.experimentJson(name), name);
    }

    @Test
    void allSamplesTogetherStayUnderTenMegabytes() throws Exception {
        long total = 0;
        for (String name : names()) {
            for (String file : new String[] {"events.csv.gz", "events.parquet", "experiment.json", "truth.json"}) {
                try (InputStream in = getClass().getResourceAsStream("/dev/arbiter/samples/" + name + "/" + file)) {
                    total += in.readAllBytes().length;
                }
            }
        }
        assertTrue(total < 10L << 20, total + " bytes");
    }
}
