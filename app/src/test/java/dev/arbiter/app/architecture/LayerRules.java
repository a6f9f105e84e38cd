package dev.arbiter.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * Arbiter's layer rules, written once and parameterised by the root package, so that the same
 * rules are checked on the product and shown to fail on deliberately broken fixtures.
 * Dependencies point one way: {@code app → importers → analytics}.
 */
final class LayerRules {
    private LayerRules() {
    }

    /** analytics is pure statistics: no JavaFX, no DuckDB, no JDBC, and nothing above it. */
    static ArchRule analyticsIsPure(String root) {
        return noClasses().that().resideInAPackage(root + ".analytics..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        root + ".importers..", root + ".samples..", root + ".app..", "javafx..", "org.controlsfx..", "atlantafx..",
                        "org.duckdb..", "java.sql..", "javax.sql..")
                .because("analytics works on sufficient statistics only (docs/decisions/0003)");
    }

    /** The samples sit between importers and the app: no UI, and nothing below them knows them. */
    static ArchRule samplesKnowNoUi(String root) {
        return noClasses().that().resideInAPackage(root + ".samples..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        root + ".app..", "javafx..", "org.controlsfx..", "atlantafx..", "org.jfree..")
                .because("sample experiments are data and generators, used headless by tests and the CLI");
    }

    /** importers knows no JavaFX and nothing of the app. */
    static ArchRule importersKnowNoUi(String root) {
        return noClasses().that().resideInAPackage(root + ".importers..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        root + ".app..", root + ".samples..", "javafx..", "org.controlsfx..", "atlantafx..", "org.jfree..")
                .because("importers must run headless and on other engines, without the desktop app");
    }

    /**
     * The packages right below {@code root} (e.g. app.shell, app.results, app.desktop) depend on
     * each other one way only: a newcomer can read them bottom-up (docs/architecture.md).
     */
    static ArchRule packagesFreeOfCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles()
                .because("one home per concept, and no package that needs the one that needs it (issue 15)");
    }

    /** A ViewModel does not know the view: no scene graph types. */
    static ArchRule viewModelsKnowNoScene(String root) {
        return noClasses().that().resideInAPackage(root + ".app..").and().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .because("ViewModels are tested without a robot (docs/decisions/0002)");
    }
}
