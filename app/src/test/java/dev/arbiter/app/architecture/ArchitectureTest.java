package dev.arbiter.app.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.arbiter");
    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages("dev.arbiter.archfixture");

    @Test
    void productSeesEveryModule() {
        assertTrue(PRODUCT.containPackage("dev.arbiter.analytics"), "analytics classes must be on the class path");
        assertTrue(PRODUCT.containPackage("dev.arbiter.importers.workspace"), "importers classes must be on the class path");
        assertTrue(PRODUCT.containPackage("dev.arbiter.samples"), "sample-experiments classes must be on the class path");
    }

    @Test
    void analyticsDependsOnNothingAboveIt() {
        LayerRules.analyticsIsPure("dev.arbiter").check(PRODUCT);
    }

    @Test
    void importersDependOnNoUi() {
        LayerRules.importersKnowNoUi("dev.arbiter").check(PRODUCT);
    }

    @Test
    void samplesDependOnNoUi() {
        LayerRules.samplesKnowNoUi("dev.arbiter").check(PRODUCT);
    }

    @Test
    void viewModelsDoNotKnowTheScene() {
        LayerRules.viewModelsKnowNoScene("dev.arbiter").check(PRODUCT);
    }

    @Test
    void theAppsPackagesAreFreeOfCycles() {
        LayerRules.packagesFreeOfCycles("dev.arbiter.app").check(PRODUCT);
    }

    @Test
    void theImportersPackagesAreFreeOfCycles() {
        LayerRules.packagesFreeOfCycles("dev.arbiter.importers").check(PRODUCT);
    }

    @Test
    void theAnalyticsPackagesAreFreeOfCycles() {
        LayerRules.packagesFreeOfCycles("dev.arbiter.analytics").check(PRODUCT);
    }

    @Test
    void theCycleRuleCatchesTwoPackagesThatNeedEachOther() {
        AssertionError cycle = assertThrows(AssertionError.class,
                () -> LayerRules.packagesFreeOfCycles("dev.arbiter.archfixture.cycle").check(FIXTURES));
        assertTrue(cycle.getMessage().contains("Cycle detected"), cycle.getMessage());
        assertTrue(cycle.getMessage().contains("CycleFirst") && cycle.getMessage().contains("CycleSecond"), cycle.getMessage());
    }

    @Test
    void rulesCatchALowerModuleImportingAHigherOne() {
        AssertionError analytics = assertThrows(AssertionError.class,
                () -> LayerRules.analyticsIsPure("dev.arbiter.archfixture").check(FIXTURES));
        assertTrue(analytics.getMessage().contains("LeakyEstimator"), analytics.getMessage());
        assertTrue(analytics.getMessage().contains("javafx.scene.control.Label"), analytics.getMessage());
        assertTrue(analytics.getMessage().contains("archfixture.app.FixtureView"), analytics.getMessage());

        AssertionError importers = assertThrows(AssertionError.class,
                () -> LayerRules.importersKnowNoUi("dev.arbiter.archfixture").check(FIXTURES));
        assertTrue(importers.getMessage().contains("LeakyImporter"), importers.getMessage());

        AssertionError viewModel = assertThrows(AssertionError.class,
                () -> LayerRules.viewModelsKnowNoScene("dev.arbiter.archfixture").check(FIXTURES));
        assertTrue(viewModel.getMessage().contains("LeakyViewModel"), viewModel.getMessage());
    }
}
