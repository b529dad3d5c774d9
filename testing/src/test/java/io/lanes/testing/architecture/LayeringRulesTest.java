package io.lanes.testing.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * Each rule fails on a deliberately misplaced dependency and passes a correctly layered package; the
 * rules also hold for this module and for {@code contracts}, which cannot depend on this module to
 * run them itself.
 */
class LayeringRulesTest {

    private static final JavaClasses CLEAN = new ClassFileImporter().importPackages("io.lanes.layering.clean");
    private static final JavaClasses BROKEN =
            new ClassFileImporter().importPackages("io.lanes.layering.broken", "io.lanes.cyclic");

    @Test
    void aDomainClassImportingAFrameworkTypeFails() {
        assertViolation(LayeringRules.DOMAIN_IS_FREE_OF_FRAMEWORKS, "HttpInDomain");
    }

    @Test
    void sqlInAResourceFails() {
        assertViolation(LayeringRules.API_DOES_NO_SQL, "SqlInResource");
    }

    @Test
    void sqlOutsidePersistenceFails() {
        assertViolation(LayeringRules.ONLY_PERSISTENCE_TOUCHES_THE_DATABASE, "SqlInService");
    }

    @Test
    void aPackageCycleFails() {
        assertViolation(LayeringRules.NO_PACKAGE_CYCLES, "Second");
    }

    @Test
    void aLayeredPackagePassesEveryRule() {
        EvaluationResult result = LayeringRules.ALL.evaluate(CLEAN);
        assertFalse(result.hasViolation(), result.getFailureReport().toString());
    }

    @Test
    void theSharedModulesKeepTheRules() {
        LayeringRules.check("io.lanes.testing");
        LayeringRules.check("io.lanes.contracts");
    }

    private static void assertViolation(ArchRule rule, String offender) {
        EvaluationResult result = rule.evaluate(BROKEN);
        assertTrue(result.hasViolation(), rule.getDescription() + " should fail");
        assertTrue(
                result.getFailureReport().toString().contains(offender),
                result.getFailureReport().toString());
    }
}
