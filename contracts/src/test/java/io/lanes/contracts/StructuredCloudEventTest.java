package io.lanes.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StructuredCloudEventTest {

    @Test
    void carriesTheEnvelopeBesideTheDataAsAJsonObject() {
        LanesEvent event = EventSamples.all().get(0);
        UUID id = UUID.randomUUID();

        JsonNode json = StructuredCloudEvent.of(CloudEvent.of(event, id, 7));

        assertEquals("1.0", json.get("specversion").asText());
        assertEquals(id.toString(), json.get("id").asText());
        assertEquals("/lanes/intake-service", json.get("source").asText());
        assertEquals("io.lanes.intake-incomplete.v1", json.get("type").asText());
        assertEquals(event.aggregateId(), json.get("subject").asText());
        assertEquals(event.occurredAt().toString(), json.get("time").asText());
        assertEquals("00000000000000000007", json.get("sequence").asText());
        assertEquals(
                "urn:lanes:schema:intake-incomplete.v1", json.get("dataschema").asText());
        assertEquals("application/json", json.get("datacontenttype").asText());
        assertEquals(EventJson.tree(event), json.get("data"));
    }
}
