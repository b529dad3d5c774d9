package io.lanes.opsconfig.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lanes.contracts.EventJson;
import io.lanes.opsconfig.domain.PlaybookDiff.Change;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PlaybookDiffTest {

    private static PlaybookContent content(ObjectNode node) throws Exception {
        return EventJson.mapper().treeToValue(node, PlaybookContent.class);
    }

    @Test
    void namesAddedRemovedAndChangedItemsByTheirKeys() throws Exception {
        ObjectNode before = PlaybookRulesTest.starter("contract-review");
        ObjectNode after = before.deepCopy();
        after.withArray("requiredFields")
                .addObject()
                .put("key", "governingLaw")
                .put("label", "Governing law")
                .put("type", "TEXT");
        after.withArray("checklist").remove(2);
        ((ObjectNode) after.withArray("milestones").get(1)).put("offsetDays", 8);
        after.withObject("thresholds").put("slipGraceDays", 2);

        List<Change> changes = PlaybookDiff.between(content(before), content(after));

        assertEquals(
                List.of(
                        "requiredFields[governingLaw]:ADDED",
                        "checklist[playbook-positions]:REMOVED",
                        "milestones[first-markup].offsetDays:CHANGED",
                        "thresholds.slipGraceDays:CHANGED"),
                changes.stream().map(c -> c.path() + ":" + c.kind()).collect(Collectors.toList()));
        assertEquals(6, changes.get(2).before().asInt());
        assertEquals(8, changes.get(2).after().asInt());
    }

    @Test
    void reorderingAListIsNoChange() throws Exception {
        ObjectNode before = PlaybookRulesTest.starter("contract-review");
        ObjectNode after = before.deepCopy();
        ArrayNode phases = after.withArray("budgetPhases");
        phases.insert(0, phases.remove(2));
        assertEquals(List.of(), PlaybookDiff.between(content(before), content(after)));
    }
}
