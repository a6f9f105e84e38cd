package dev.arbiter.importers.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Sequential (always-valid) mode and the planned sample.
 *
 * @param enabled            read with always-valid confidence sequences (peeking is safe)
 * @param plannedUnitsPerArm the planned sample per arm: the recommendation says keep running
 *                           until the smallest arm has it, and N* = arms × this is the tuning
 * @param tuning             N* when given explicitly (default: the planned total, else 5000)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Sequential(Boolean enabled, Long plannedUnitsPerArm, Double tuning) {
    public boolean isEnabled() {
        return Boolean.TRUE.equals(enabled);
    }
}
