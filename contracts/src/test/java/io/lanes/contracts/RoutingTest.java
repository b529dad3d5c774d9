package io.lanes.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingTest {

    private static final Routing PLAYBOOK = new Routing(
            "litigation",
            "a.chen",
            List.of(
                    new Routing.Rule("venue", "SDNY", "litigation-ny", "m.lee"),
                    new Routing.Rule("claimValue", "1000000", "litigation-major", null),
                    new Routing.Rule("venue", "SDNY", "never-reached", null)));

    @Test
    void theFirstMatchingRuleRoutesElseTheDefault() {
        assertEquals(
                new Routing("litigation-ny", "m.lee"), PLAYBOOK.routeFor(Map.of("venue", TextNode.valueOf("SDNY"))));
        assertEquals(
                new Routing("litigation-major", null),
                PLAYBOOK.routeFor(Map.<String, JsonNode>of("claimValue", IntNode.valueOf(1_000_000))),
                "compared as text");
        assertEquals(
                new Routing("litigation", "a.chen"),
                PLAYBOOK.routeFor(Map.of("venue", TextNode.valueOf("EDNY"), "urgent", BooleanNode.TRUE)));
        assertEquals(new Routing("litigation", "a.chen"), new Routing("litigation", "a.chen").routeFor(Map.of()));
    }

    @Test
    void rulesTravelUnderTheirContractNames() throws Exception {
        JsonNode json = EventJson.mapper().valueToTree(PLAYBOOK);
        assertEquals("SDNY", json.get("rules").get(0).get("equals").asText());
        assertEquals(PLAYBOOK, EventJson.mapper().treeToValue(json, Routing.class));
        assertEquals(
                false, EventJson.mapper().valueToTree(new Routing("x", null)).has("rules"));
    }
}
