package dev.arbiter.importers.signoff;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One person's sign-off on a decision.
 *
 * @param name    who
 * @param role    e.g. "Analyst", "PM", "VP Support"
 * @param approve approve (true) or reject (false)
 * @param date    ISO date, e.g. 2026-03-20
 * @param comment free text, may be empty
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Signoff(String name, String role, boolean approve, String date, String comment) {
}
