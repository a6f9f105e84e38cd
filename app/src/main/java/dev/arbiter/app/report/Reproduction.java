package dev.arbiter.app.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares the analysis a report was made from with the same analysis run again, value by value.
 * Numbers match within a relative tolerance of 1e-9 (sums are order-independent but parallel
 * aggregation still moves the 13th digit, decision 0005); labels, flags and counts match exactly.
 * Sentences written for people (reasons, explanations, notes, warnings) and keys a newer Arbiter adds
 * are listed apart, not as differences: a new version may word a reason better or say more, and the
 * report still reproduces when every number, flag and label does.
 */
public final class Reproduction {
    /** Relative tolerance for numbers. */
    public static final double RELATIVE_TOLERANCE = 1e-9;
    private static final double ABSOLUTE_FLOOR = 1e-12;

    /**
     * The comparison's outcome.
     *
     * @param numbers          how many numbers were compared
     * @param values           how many values (numbers, text, flags) were compared
     * @param largestRelative  the largest relative difference among numbers that matched
     * @param differences      "path: report X, now Y", in document order
     * @param wording          sentences for people that read differently now (paths)
     * @param added            keys the analysis has now and the report does not (paths)
     */
    public record Result(int numbers, int values, double largestRelative, List<String> differences, List<String> wording,
                         List<String> added) {
        public Result {
            differences = List.copyOf(differences);
            wording = List.copyOf(wording);
            added = List.copyOf(added);
        }

        public boolean matches() {
            return differences.isEmpty();
        }
    }

    private int numbers;
    private int values;
    private double largest;
    private final List<String> differences = new ArrayList<>();
    private final List<String> wording = new ArrayList<>();
    private final List<String> added = new ArrayList<>();
    /** Keys whose values are sentences for people, not results. */
    private static final Set<String> PROSE = Set.of("reasons", "text", "explanation", "notes", "warnings");

    private Reproduction() {
    }

    public static Result compare(JsonNode reported, JsonNode now) {
        Reproduction reproduction = new Reproduction();
        reproduction.walk("", reported, now);
        return new Result(reproduction.numbers, reproduction.values, reproduction.largest, reproduction.differences,
                reproduction.wording, reproduction.added);
    }

    private void walk(String path, JsonNode was, JsonNode is) {
        if (is == null || is.isMissingNode()) {
            differences.add(path + ": in the report, missing now");
        } else if (was.isObject() && is.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = was.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (PROSE.contains(field.getKey())) {
                    prose(at, field.getValue(), is.get(field.getKey()));
                } else {
                    walk(at, field.getValue(), is.get(field.getKey()));
                }
            }
            is.fieldNames().forEachRemaining(name -> {
                if (!was.has(name)) {
                    added.add(join(path, name));
                }
            });
        } else if (was.isArray() && is.isArray()) {
            if (was.size() != is.size()) {
                differences.add(path + ": " + was.size() + " entries in the report, " + is.size() + " now");
            }
            for (int i = 0; i < Math.min(was.size(), is.size()); i++) {
                walk(path + "[" + i + "]", was.get(i), is.get(i));
            }
        } else if (was.isNumber() && is.isNumber()) {
            numbers++;
            values++;
            number(path, was.doubleValue(), is.doubleValue(), was.isIntegralNumber() && is.isIntegralNumber());
        } else {
            values++;
            if (!was.equals(is)) {
                differences.add(path + ": report " + was + ", now " + is);
            }
        }
    }

    /** Sentences: counted as values, a difference in their words noted apart. */
    private void prose(String path, JsonNode was, JsonNode is) {
        values++;
        if (is == null || !was.equals(is)) {
            wording.add(path);
        }
    }

    private void number(String path, double was, double is, boolean counts) {
        double difference = Math.abs(was - is);
        double scale = Math.max(Math.abs(was), Math.abs(is));
        boolean same = counts ? was == is : difference <= RELATIVE_TOLERANCE * scale + ABSOLUTE_FLOOR;
        if (!same) {
            differences.add(path + ": report " + was + ", now " + is);
        } else if (scale > 0) {
            largest = Math.max(largest, difference / scale);
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
