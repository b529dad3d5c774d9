package io.lanes.matter.domain;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.lanes.contracts.matter.BudgetVariance;
import io.lanes.contracts.matter.DeadlineMissed;
import io.lanes.contracts.matter.EscalationRaised;
import io.lanes.contracts.matter.EscalationReassigned;
import io.lanes.contracts.matter.HandoffAccepted;
import io.lanes.contracts.matter.MilestoneCompleted;
import io.lanes.contracts.matter.MilestoneSlipped;
import io.lanes.contracts.matter.StatusUpdateSent;
import io.lanes.matter.service.MatterService;
import io.lanes.matter.service.PlaybookReplays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The live matter and a playbook replay are decided by one class: both build a {@link MatterDecider}, the
 * replay runs every command through its {@code decide} and {@code evolve}, and no class but the decider
 * and its rules makes a decision of the playbook's (a plan, an on-time flag, a budget level, a slip, a
 * missed deadline, an escalation or its next step), so a replay cannot hold a second copy of the rules.
 */
class OneDeciderTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.lanes.matter");

    private static final Set<String> DECISIONS = Stream.of(
                    HandoffAccepted.class,
                    MilestoneCompleted.class,
                    StatusUpdateSent.class,
                    BudgetVariance.class,
                    MilestoneSlipped.class,
                    DeadlineMissed.class,
                    EscalationRaised.class,
                    EscalationReassigned.class)
            .map(Class::getName)
            .collect(Collectors.toSet());

    @Test
    void theLiveServiceAndTheReplayBuildTheSameDecider() {
        assertTrue(buildsADecider(PRODUCTION.get(MatterService.class)), "MatterService decides live matters");
        assertTrue(buildsADecider(PRODUCTION.get(PlaybookReplays.class)), "PlaybookReplays hands one to the replay");
        for (String method : Set.of("decide", "evolve")) {
            assertTrue(
                    PRODUCTION.stream()
                            .filter(c -> c.getName().startsWith(MatterReplay.class.getName()))
                            .flatMap(c -> c.getMethodCallsFromSelf().stream())
                            .anyMatch(call -> call.getTargetOwner().isEquivalentTo(MatterDecider.class)
                                    && call.getName().equals(method)),
                    "MatterReplay (or its run of one matter) calls MatterDecider." + method);
        }
    }

    @Test
    void onlyTheDeciderAndItsRulesMakeThePlaybooksDecisions() {
        noClasses()
                .that(not(belongToAnyOf(
                        MatterDecider.class,
                        PlanningRules.class,
                        BudgetRules.class,
                        DetectionRules.class,
                        EscalationRules.class)))
                .should()
                .callConstructorWhere(describe(
                        "a decision of the playbook's",
                        call -> DECISIONS.contains(call.getTargetOwner().getName())))
                .because("a replay must decide with the live rules, not a copy of them")
                .check(PRODUCTION);
    }

    private static boolean buildsADecider(JavaClass service) {
        return service.getConstructorCallsFromSelf().stream()
                .anyMatch(call -> call.getTargetOwner().isEquivalentTo(MatterDecider.class));
    }
}
