package dev.arbiter.app.projection;

/**
 * One segment value's effect for the chosen metric and treatment.
 *
 * @param value      the segment value (or "overall")
 * @param units      units per arm, e.g. "2,104 / 2,087"
 * @param control    control's value
 * @param treatment  treatment's value
 * @param absolute   effect with CI
 * @param relative   relative effect with CI
 * @param p          p-value
 * @param adjustedP  Benjamini–Hochberg adjusted p-value
 * @param flags      "too small to read", "opposite sign", ...
 */
public record SegmentRow(String value, String units, String control, String treatment, String absolute, String relative,
                         String p, String adjustedP, String flags) {
}
