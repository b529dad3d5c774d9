package io.lanes.opsconfig.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lanes.contracts.EventJson;
import io.lanes.platform.domain.Violation;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every rule of a publishable playbook, each broken alone, names its field. */
class PlaybookRulesTest {

    private final PlaybookRules rules =
            new PlaybookRules(new PhaseCodes("litigation", PhaseCodes.LITIGATION, Set.of("P100", "P200", "P300")));

    static ObjectNode starter(String matterType) throws Exception {
        try (InputStream in = PlaybookRulesTest.class
                .getClassLoader()
                .getResourceAsStream("starter-playbooks/" + matterType + ".json")) {
            return (ObjectNode) EventJson.mapper().readTree(in);
        }
    }

    private List<String> fieldsWrongAfter(String matterType, UnaryOperator<ObjectNode> change) throws Exception {
        PlaybookContent content =
                EventJson.mapper().treeToValue(change.apply(starter(matterType)), PlaybookContent.class);
        return rules.check(content).stream().map(Violation::field).collect(Collectors.toList());
    }

    @Test
    void theStarterPlaybooksAreValid() throws Exception {
        for (String type : List.of("commercial-litigation", "employment-litigation", "contract-review")) {
            assertEquals(List.of(), fieldsWrongAfter(type, p -> p), type);
        }
    }

    @Test
    void requiredFieldKeysAreUnique() throws Exception {
        assertEquals(List.of("requiredFields[1].key"), fieldsWrongAfter("contract-review", p -> {
            ((ObjectNode) p.withArray("requiredFields").get(1)).put("key", "clientLegalName");
            return p;
        }));
    }

    @Test
    void checklistKeysAreUnique() throws Exception {
        assertEquals(List.of("checklist[1].key"), fieldsWrongAfter("contract-review", p -> {
            ((ObjectNode) p.withArray("checklist").get(1)).put("key", "conflict-check");
            return p;
        }));
    }

    @Test
    void milestoneOffsetsAreNeverNegative() throws Exception {
        assertEquals(List.of("milestones[0].offsetDays"), fieldsWrongAfter("contract-review", p -> {
            ((ObjectNode) p.withArray("milestones").get(0)).put("offsetDays", -1);
            return p;
        }));
    }

    @Test
    void litigationPhasesAreUtbmsLitigationCodes() throws Exception {
        assertEquals(List.of("milestones[0].phase"), fieldsWrongAfter("commercial-litigation", p -> {
            ((ObjectNode) p.withArray("milestones").get(0)).put("phase", "P100");
            return p;
        }));
    }

    @Test
    void otherPracticeAreasUseTheFirmsCodes() throws Exception {
        assertEquals(List.of("budgetPhases[0].code", "budgetPhases"), fieldsWrongAfter("contract-review", p -> {
            ((ObjectNode) p.withArray("budgetPhases").get(0))
                    .put("code", "L100")
                    .put("share", 0.3);
            return p;
        }));
    }

    @Test
    void budgetSharesSumToOneWithinTolerance() throws Exception {
        assertEquals(List.of("budgetPhases"), fieldsWrongAfter("contract-review", p -> {
            ((ObjectNode) p.withArray("budgetPhases").get(0)).put("share", 0.2);
            return p;
        }));
        assertEquals(List.of(), fieldsWrongAfter("contract-review", p -> {
            ((ObjectNode) p.withArray("budgetPhases").get(0)).put("share", 0.25005);
            return p;
        }));
    }

    @Test
    void taskTemplatesHaveUniqueKeysAndServeAMilestoneOfThePlaybook() throws Exception {
        assertEquals(
                List.of(
                        "taskTemplates[1].templateKey",
                        "taskTemplates[1].offsetDays",
                        "taskTemplates[1].milestoneTemplateKey"),
                fieldsWrongAfter("contract-review", p -> {
                    ObjectNode second =
                            (ObjectNode) p.withArray("taskTemplates").get(1);
                    second.put(
                            "templateKey",
                            p.withArray("taskTemplates")
                                    .get(0)
                                    .get("templateKey")
                                    .asText());
                    second.put("offsetDays", -1);
                    second.put("milestoneTemplateKey", "closing");
                    return p;
                }));
        assertEquals(
                List.of(),
                fieldsWrongAfter("contract-review", p -> {
                    p.remove("taskTemplates");
                    return p;
                }),
                "a playbook without task templates is valid");
    }

    @Test
    void aRoutingRuleNamesARequiredFieldAndATeam() throws Exception {
        assertEquals(
                List.of("routing.rules[0].field", "routing.rules[0].team"),
                fieldsWrongAfter("employment-litigation", p -> {
                    ObjectNode rule = (ObjectNode)
                            p.withObject("routing").withArray("rules").get(0);
                    rule.put("field", "favouriteColour");
                    rule.remove("team");
                    return p;
                }));
    }

    @Test
    void anEscalationPathPerCauseStartsAtOnceAndGoesUpLater() throws Exception {
        assertEquals(
                List.of(
                        "thresholds.handoffWaitHours",
                        "escalationPaths[1].cause",
                        "escalationPaths[1].steps[0].afterHours",
                        "escalationPaths[1].steps[1].assignTo",
                        "escalationPaths[1].steps[1].afterHours"),
                fieldsWrongAfter("commercial-litigation", p -> {
                    ObjectNode second =
                            (ObjectNode) p.withArray("escalationPaths").get(1);
                    second.put("cause", "MILESTONE_SLIPPED");
                    ((ObjectNode) second.withArray("steps").get(0)).put("afterHours", 2);
                    ((ObjectNode) second.withArray("steps").get(1)).put("afterHours", 1);
                    ((ObjectNode) second.withArray("steps").get(1)).put("assignTo", " ");
                    p.withObject("thresholds").put("handoffWaitHours", 0);
                    return p;
                }));
    }

    @Test
    void onlyADateFieldBecomesAMilestone() throws Exception {
        assertEquals(List.of("requiredFields[0].milestoneName"), fieldsWrongAfter("contract-review", p -> {
            ((ObjectNode) p.withArray("requiredFields").get(0)).put("milestoneName", "Client named");
            return p;
        }));
    }

    @Test
    void warningThresholdIsBelowEscalationAndAboveZero() throws Exception {
        assertEquals(List.of("thresholds.budgetEscalationPct"), fieldsWrongAfter("contract-review", p -> {
            p.withObject("thresholds").put("budgetWarningPct", 100);
            return p;
        }));
        assertEquals(List.of("thresholds.budgetWarningPct"), fieldsWrongAfter("contract-review", p -> {
            p.withObject("thresholds").put("budgetWarningPct", 0);
            return p;
        }));
    }

    @Test
    void kpiTargetsNameKpisOfTheScorecards() throws Exception {
        List<String> wrong = fieldsWrongAfter("contract-review", p -> {
            p.withObject("kpiTargets").put("happinessIndex", 1);
            return p;
        });
        assertEquals(List.of("kpiTargets.happinessIndex"), wrong);
    }

    @Test
    void enumFieldsNeedOptionsAndOthersHaveNone() throws Exception {
        assertEquals(List.of("requiredFields[5].options"), fieldsWrongAfter("contract-review", p -> {
            ((ObjectNode) p.withArray("requiredFields").get(5)).remove("options");
            return p;
        }));
        assertEquals(List.of("requiredFields[0].options"), fieldsWrongAfter("contract-review", p -> {
            ((ObjectNode) p.withArray("requiredFields").get(0))
                    .putArray("options")
                    .add("X");
            return p;
        }));
    }

    @Test
    void onlyABooleanFieldCanBeAGate() throws Exception {
        assertEquals(List.of("requiredFields[0].mustBeTrue"), fieldsWrongAfter("contract-review", p -> {
            ((ObjectNode) p.withArray("requiredFields").get(0)).put("mustBeTrue", true);
            return p;
        }));
    }

    @Test
    void missingPartsAreEachNamed() throws Exception {
        List<String> wrong = fieldsWrongAfter("contract-review", p -> {
            p.remove(List.of("practiceArea", "routing", "thresholds", "milestones"));
            return p;
        });
        assertTrue(wrong.containsAll(List.of("practiceArea", "routing", "thresholds", "milestones")), wrong.toString());
    }
}
