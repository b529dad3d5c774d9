package io.lanes.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EventSchemasTest {

    @Test
    void samplesCoverEveryEventType() {
        Set<EventType> sampled = EventSamples.all().stream().map(EventType::of).collect(Collectors.toSet());
        assertEquals(EnumSet.allOf(EventType.class), sampled);
    }

    @Test
    void everySampleSerializesToSchemaValidJson() {
        for (LanesEvent event : EventSamples.all()) {
            EventType type = EventType.of(event);
            assertEquals(List.of(), EventSchemas.violations(type, EventJson.tree(event)), type.ceType());
        }
    }

    @Test
    void everySerializedPropertyIsDeclaredInTheSchema() {
        for (LanesEvent event : EventSamples.all()) {
            EventType type = EventType.of(event);
            List<String> undeclared = new ArrayList<>();
            collectUndeclared("", EventJson.tree(event), EventSchemas.schema(type), undeclared);
            assertEquals(List.of(), undeclared, type.ceType());
        }
    }

    @Test
    void everySampleRoundTripsThroughJson() {
        for (LanesEvent event : EventSamples.all()) {
            EventType type = EventType.of(event);
            assertEquals(event, EventJson.read(type, EventJson.parse(EventJson.write(event))), type.ceType());
        }
    }

    @Test
    void dataMissingARequiredFieldFailsValidation() {
        for (LanesEvent event : EventSamples.all()) {
            EventType type = EventType.of(event);
            ObjectNode data = (ObjectNode) EventJson.tree(event);
            data.remove("occurredAt");
            List<String> violations = EventSchemas.violations(type, data);
            assertTrue(violations.stream().anyMatch(v -> v.contains("occurredAt")), type + ": " + violations);
        }
    }

    @Test
    void wrongTypesAndFormatsFailValidation() {
        ObjectNode data = (ObjectNode) EventJson.tree(EventSamples.all().get(0));
        data.put("attempt", "one");
        data.put("intakeId", "not-a-uuid");
        data.put("occurredAt", "2026-03-02 14:05");
        assertEquals(
                3, EventSchemas.violations(EventType.INTAKE_INCOMPLETE, data).size());
    }

    @Test
    void dateMustBeACalendarDateAndMoneyAtMostTwoDecimals() {
        LanesEvent writeDown = EventSamples.all().stream()
                .filter(e -> EventType.of(e) == EventType.WRITE_DOWN_RECORDED)
                .findFirst()
                .orElseThrow();
        ObjectNode data = (ObjectNode) EventJson.tree(writeDown);
        data.put("amount", new java.math.BigDecimal("10.005"));
        assertEquals(
                1, EventSchemas.violations(EventType.WRITE_DOWN_RECORDED, data).size());
    }

    /** Walks objects of the data and flags properties the schema does not name. */
    private static void collectUndeclared(String path, JsonNode data, JsonNode schema, List<String> undeclared) {
        if (data.isObject() && schema.has("properties")) {
            JsonNode properties = schema.get("properties");
            data.fieldNames().forEachRemaining(name -> {
                if (!properties.has(name)) {
                    undeclared.add(path + "/" + name);
                } else {
                    collectUndeclared(path + "/" + name, data.get(name), properties.get(name), undeclared);
                }
            });
        } else if (data.isArray() && schema.has("items")) {
            data.forEach(item -> collectUndeclared(path + "[]", item, schema.get("items"), undeclared));
        }
    }
}
