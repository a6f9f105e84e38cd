package dev.arbiter.importers.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.analytics.ArmValue;
import dev.arbiter.analytics.Effect;
import dev.arbiter.analytics.PairedComparison;
import dev.arbiter.analytics.Interval;
import dev.arbiter.analytics.NonInferiority;
import dev.arbiter.analytics.reading.GuardrailCheck;
import dev.arbiter.analytics.reading.Recommendation;
import dev.arbiter.importers.statistics.ServedModel;
import dev.arbiter.importers.statistics.SourceRecord;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON of {@code arbiter analyze --json} (keys pinned in docs/cli.md; additions only). Numbers
 * that are not finite are written as {@code null}, with an {@code unavailable} reason beside them.
 */
public final class AnalysisJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AnalysisJson() {
    }

    public static String write(ExperimentResult result) {
        try {
            return MAPPER.writeValueAsString(toJson(result));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the analysis as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The analysis of events read from a warehouse table: {@code dataset} is the table, and {@code
     * source} says where it was read and what came back (issue 20; docs/cli.md).
     */
    public static String write(ExperimentResult result, SourceRecord source) {
        ObjectNode root = toJson(result);
        root.put("dataset", source.table());
        root.putObject("source").put("engine", source.engine()).put("url", source.url()).put("table", source.table())
                .put("rows", source.rows()).put("dataFingerprint", source.dataFingerprint())
                .put("queryFingerprint", source.queryFingerprint()).put("resultRows", source.resultRows())
                .put("bytesReturned", source.bytesReturned());
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the analysis as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The {@code source} object of an analysis JSON read back, or null when the events were in a workspace. */
    public static SourceRecord source(JsonNode analysis) {
        JsonNode source = analysis.path("source");
        if (!source.isObject()) {
            return null;
        }
        return new SourceRecord(source.path("engine").asText(), source.path("url").asText(), source.path("table").asText(),
                source.path("rows").asLong(), source.path("dataFingerprint").textValue(),
                source.path("queryFingerprint").textValue(), source.path("resultRows").asLong(),
                source.path("bytesReturned").asLong());
    }

    public static ObjectNode toJson(ExperimentResult r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("experiment", r.definition().name());
        root.put("question", r.definition().question());
        root.put("dataset", r.definition().dataset());
        root.put("unitColumn", r.definition().unitColumn());
        root.put("asOf", r.asOf() == null ? null : r.asOf().toString());
        root.put("lastExposureDay", r.lastExposureDay() == null ? null : r.lastExposureDay().toString());
        root.put("alpha", r.definition().alpha());
        root.put("sequential", r.definition().sequential());
        armsAndSampleRatio(root, r);
        root.set("metrics", metrics(r.metrics()));
        if (r.fallback() != null) {
            root.set("fallback", metric(r.fallback()));
        }
        root.set("segments", segments(r.segments()));
        root.set("decision", decision(r.decision()));
        ObjectNode byTreatment = root.putObject("decisions");
        r.decisions().forEach((treatment, recommendation) -> byTreatment.set(treatment, decision(recommendation)));
        root.set("servedModels", servedModels(r.servedModels()));
        root.set("series", series(r.series()));
        if (!r.byDaysSinceExposure().isEmpty()) {
            root.set("byDaysSinceExposure", byDaysSinceExposure(r.byDaysSinceExposure()));
        }
        if (!r.byReplay().isEmpty()) {
            root.set("byReplay", byReplay(r.byReplay()));
        }
        root.set("distributions", distributions(r.distributions()));
        ArrayNode warnings = root.putArray("warnings");
        r.warnings().forEach(warnings::add);
        return root;
    }

    /** {@code arms}, {@code srm}, {@code crossoverUnits} and (when planned) {@code progress}. */
    private static void armsAndSampleRatio(ObjectNode root, ExperimentResult r) {
        ArrayNode arms = root.putArray("arms");
        r.arms().forEach(arm -> {
            ObjectNode node = arms.addObject().put("name", arm.name()).put("units", arm.units()).put("events", arm.events());
            number(node, "expectedShare", arm.expectedShare());
            number(node, "observedShare", arm.observedShare());
        });
        ObjectNode srm = root.putObject("srm");
        number(srm, "chiSquare", r.srm().chiSquare());
        number(srm, "pValue", r.srm().pValue());
        srm.put("flagged", r.srm().flagged());
        root.put("crossoverUnits", r.crossoverUnits());
        if (r.progress() != null) {
            root.putObject("progress").put("plannedPerArm", r.progress().plannedPerArm())
                    .put("smallestArm", r.progress().smallestArm()).put("fraction", r.progress().fraction())
                    .put("moreUnitsPerArm", r.progress().moreUnitsPerArm()).put("text", r.progress().describe());
        }
    }

    /** Per quantile metric and arm, its percentiles 1–99 (null where not finite). */
    private static ObjectNode distributions(Map<String, Map<String, double[]>> byMetric) {
        ObjectNode distributions = MAPPER.createObjectNode();
        byMetric.forEach((metric, byArm) -> {
            ObjectNode node = distributions.putObject(metric);
            byArm.forEach((arm, percentiles) -> {
                ArrayNode values = node.putArray(arm);
                for (double value : percentiles) {
                    if (Double.isFinite(value)) {
                        values.add(value);
                    } else {
                        values.addNull();
                    }
                }
            });
        });
        return distributions;
    }

    private static ArrayNode metrics(List<MetricResult> metrics) {
        ArrayNode list = MAPPER.createArrayNode();
        metrics.forEach(m -> list.add(metric(m)));
        return list;
    }

    static ObjectNode metric(MetricResult m) {
        ObjectNode node = MAPPER.createObjectNode().put("name", m.name()).put("role", m.role().key())
                .put("kind", m.definition().kind().key());
        node.put("column", m.definition().column());
        node.put("direction", m.definition().direction().key());
        node.put("unit", m.unit().key());
        ArrayNode arms = node.putArray("arms");
        for (ArmValue arm : m.arms()) {
            ObjectNode a = arms.addObject().put("name", arm.name()).put("units", arm.units());
            number(a, "value", arm.value());
            interval(a, "ci", arm.ci());
            if (!Double.isNaN(arm.adjustedValue())) {
                number(a, "adjustedValue", arm.adjustedValue());
                interval(a, "adjustedCi", arm.adjustedCi());
            }
            if (arm.unavailableReason() != null) {
                a.put("unavailable", arm.unavailableReason());
            }
        }
        ArrayNode comparisons = node.putArray("comparisons");
        m.comparisons().forEach(c -> comparisons.add(comparison(c)));
        return node;
    }

    /** The adjusted p with its adjustment, and why an effect is unavailable. */
    private static void adjustmentAndAvailability(ObjectNode node, ComparisonResult c, Effect absolute, Effect relative) {
        if (!Double.isNaN(c.pValueAdjusted())) {
            number(node, "pValueAdjusted", c.pValueAdjusted());
            node.put("pValueAdjustment", c.adjustment().name().toLowerCase(Locale.ROOT));
        }
        if (!absolute.available()) {
            node.put("unavailable", absolute.unavailableReason());
        } else if (!relative.available()) {
            node.put("relativeUnavailable", relative.unavailableReason());
        }
    }

    private static ObjectNode nonInferiority(NonInferiority ni) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("margin", ni.margin()).put("relative", ni.relative());
        number(n, "bound", ni.bound());
        number(n, "pValue", ni.pValue());
        n.put("nonInferior", ni.nonInferior());
        if (ni.unavailableReason() != null) {
            n.put("unavailable", ni.unavailableReason());
        }
        return n;
    }

    private static ObjectNode comparison(ComparisonResult c) {
        ObjectNode node = MAPPER.createObjectNode().put("control", c.control()).put("treatment", c.treatment());
        Effect absolute = c.comparison().absolute();
        Effect relative = c.comparison().relative();
        number(node, "absoluteEffect", absolute.estimate());
        interval(node, "absoluteCi", absolute.available() ? absolute.ci() : null);
        number(node, "relativeEffect", relative.estimate());
        interval(node, "relativeCi", relative.available() ? relative.ci() : null);
        number(node, "pValue", absolute.pValue());
        node.put("significant", c.significant());
        number(node, "se", absolute.standardError());
        number(node, "df", absolute.degreesOfFreedom());
        number(node, "relativeSe", relative.standardError());
        number(node, "relativePValue", relative.pValue());
        node.put("method", c.comparison().method());
        node.put("alternative", c.comparison().alternative().label());
        adjustmentAndAvailability(node, c, absolute, relative);
        GuardrailCheck worst = c.worstGuardrail();
        if (worst != null) {
            node.set("guardrail", guardrail(worst));
            ArrayNode all = node.putArray("guardrails");
            c.guardrails().forEach(check -> all.add(guardrail(check)));
        }
        if (c.nonInferiority() != null) {
            node.set("nonInferiority", nonInferiority(c.nonInferiority()));
        }
        ArrayNode notes = node.putArray("notes");
        c.comparison().notes().forEach(notes::add);
        if (PairedComparison.isPaired(c.comparison())) {
            node.putObject("pairs").put("items", c.comparison().treatment().n());
        }
        return node;
    }

    private static ObjectNode guardrail(GuardrailCheck check) {
        ObjectNode node = MAPPER.createObjectNode().put("rule", check.rule().kind().key())
                .put("threshold", check.rule().threshold()).put("status", check.status().label());
        number(node, "observed", check.observed());
        interval(node, "observedCi", Double.isFinite(check.observed()) ? check.interval() : null);
        node.put("explanation", check.explanation());
        return node;
    }

    private static ArrayNode segments(List<SegmentResult> segments) {
        ArrayNode list = MAPPER.createArrayNode();
        for (SegmentResult s : segments) {
            ObjectNode node = list.addObject().put("column", s.column()).put("value", s.value());
            ArrayNode units = node.putArray("units");
            s.units().forEach(units::add);
            node.put("tooSmall", s.tooSmall());
            node.set("metrics", metrics(s.metrics()));
        }
        return list;
    }

    private static ObjectNode decision(Recommendation recommendation) {
        ObjectNode node = MAPPER.createObjectNode().put("recommendation", recommendation.kind().label());
        ArrayNode reasons = node.putArray("reasons");
        recommendation.reasons().forEach(reasons::add);
        return node;
    }

    private static ArrayNode servedModels(List<ServedModel> models) {
        ArrayNode list = MAPPER.createArrayNode();
        for (ServedModel model : models) {
            ObjectNode node = list.addObject().put("arm", model.arm()).put("model", model.model())
                    .put("units", model.units()).put("events", model.events());
            ObjectNode values = node.putObject("values");
            model.values().forEach((name, value) -> number(values, name, value));
        }
        return list;
    }

    private static ArrayNode series(List<DailyPoint> points) {
        ArrayNode list = MAPPER.createArrayNode();
        for (DailyPoint point : points) {
            ObjectNode node = list.addObject().put("day", point.day().toString());
            counts(node, "newUnits", point.newUnits());
            counts(node, "cumulativeUnits", point.cumulativeUnits());
            node.set("metrics", metrics(point.metrics()));
        }
        return list;
    }

    /** Per replay, each arm's primary value over its items with the interval. */
    private static ArrayNode byReplay(List<ReplayPoint> points) {
        ArrayNode list = MAPPER.createArrayNode();
        for (ReplayPoint point : points) {
            ObjectNode node = list.addObject().put("replay", point.replay());
            ArrayNode arms = node.putArray("arms");
            for (ArmValue arm : point.arms()) {
                ObjectNode a = arms.addObject().put("name", arm.name()).put("items", arm.units());
                number(a, "value", arm.value());
                interval(a, "ci", arm.ci());
            }
        }
        return list;
    }

    private static ArrayNode byDaysSinceExposure(List<ExposureDayPoint> points) {
        ArrayNode list = MAPPER.createArrayNode();
        for (ExposureDayPoint point : points) {
            ObjectNode node = list.addObject().put("daysSinceExposure", point.day());
            counts(node, "eligibleUnits", point.eligibleUnits());
            counts(node, "activeUnits", point.activeUnits());
            node.set("metrics", metrics(point.metrics()));
        }
        return list;
    }

    /** Per-arm counts, control first. */
    private static void counts(ObjectNode node, String key, List<Long> values) {
        ArrayNode array = node.putArray(key);
        values.forEach(array::add);
    }

    private static void number(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }

    private static void interval(ObjectNode node, String key, Interval interval) {
        ArrayNode array = node.putArray(key);
        if (interval == null) {
            array.addNull().addNull();
            return;
        }
        for (double bound : new double[] {interval.lower(), interval.upper()}) {
            if (Double.isFinite(bound)) {
                array.add(bound);
            } else {
                array.addNull();
            }
        }
    }

    /** For tests: a map view of the JSON. */
    static Map<String, Object> asMap(ExperimentResult result) {
        return MAPPER.convertValue(toJson(result), new TypeReference<>() { });
    }
}
