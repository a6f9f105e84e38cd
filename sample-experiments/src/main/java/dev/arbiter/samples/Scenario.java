package dev.arbiter.samples;

import java.util.List;
import java.util.Map;

/**
 * One sample experiment: its events (generated from a seed), its experiment definition, and the
 * truth it planted, so that analysing the sample can be checked against what was put in.
 */
interface Scenario {
    /** Folder and command-line name, e.g. {@code support-bot}. */
    String name();

    /** One line for menus. */
    String title();

    /** A paragraph: what the experiment is and what the analyst should find. */
    String description();

    /** The CSV header. */
    List<String> columns();

    /** The seed of the committed version (chosen so it reads like the source article's numbers). */
    default long seed() {
        return SampleWriter.DEFAULT_SEED;
    }

    /** Assignment units in the small committed version. */
    long defaultUnits();

    /** Average events per unit, to turn {@code --events N} into units. */
    double eventsPerUnit();

    /** Writes the events of {@code units} units. */
    void generate(Draw draw, long units, EventCsv out);

    /** The experiment definition (docs/experiment-format.md), dataset {@code events}. */
    String experiment();

    /** What was planted: true values and effects, and what the analysis must flag. */
    Map<String, Object> truth();
}
