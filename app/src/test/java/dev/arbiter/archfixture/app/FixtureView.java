package dev.arbiter.archfixture.app;

/** Fixture: stands for a class of the app layer. */
public final class FixtureView {
    public static String name() {
        return "view";
    }
}
