package dev.herald.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Components (the packages right under dev.herald: access, audit, delivery, reports, runs, …) may
 * depend on each other only one way: no component reaches, directly or round a circle, a component
 * that reaches it.
 */
class ComponentCyclesTest {

    private static final JavaClasses HERALD = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("/testing/"))
            .importPackages("dev.herald");

    @Test
    void componentsDependOnEachOtherWithoutCycles() {
        slices().matching("dev.herald.(*)..").should().beFreeOfCycles().check(HERALD);
    }
}
