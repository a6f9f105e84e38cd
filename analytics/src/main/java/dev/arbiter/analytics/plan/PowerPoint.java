package dev.arbiter.analytics.plan;

/** One point of a power curve: the power reached with {@code perArm} units per arm. */
public record PowerPoint(long perArm, double power) {
}
