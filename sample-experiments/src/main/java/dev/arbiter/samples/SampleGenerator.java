package dev.arbiter.samples;

import java.nio.file.Path;

/**
 * Regenerates the committed samples: {@code SampleGenerator DIR [EVENTS] [SEED]} writes every
 * sample under DIR/NAME/ (EVENTS 0 = the committed size; without SEED each sample's own seed).
 * {@code arbiter sample --generate} does the same.
 */
public final class SampleGenerator {
    private SampleGenerator() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: SampleGenerator DIR [EVENTS] [SEED]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        long events = args.length > 1 ? Long.parseLong(args[1]) : 0;
        for (SampleCatalog.Sample sample : SampleCatalog.all()) {
            if (args.length > 2) {
                SampleCatalog.generate(sample.name(), dir.resolve(sample.name()), events, Long.parseLong(args[2]));
            } else {
                SampleCatalog.generate(sample.name(), dir.resolve(sample.name()), events);
            }
            System.out.println("wrote " + dir.resolve(sample.name()));
        }
    }
}
