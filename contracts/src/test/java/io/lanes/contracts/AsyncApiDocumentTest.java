package io.lanes.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The AsyncAPI document must describe exactly the topics and events of the catalogue. */
class AsyncApiDocumentTest {

    @Test
    void describesEveryTopicWithTheMessagesOfTheCatalogue() throws Exception {
        JsonNode doc;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("io/lanes/contracts/asyncapi.yaml")) {
            assertNotNull(in);
            doc = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        assertEquals("3.0.0", doc.get("asyncapi").asText());
        Set<String> addresses = new HashSet<>();
        doc.get("channels").forEach(channel -> {
            String address = channel.get("address").asText();
            addresses.add(address);
            Topic topic = topicNamed(address);
            Set<String> described = new HashSet<>();
            channel.get("messages")
                    .forEach(ref -> described.add(message(doc, ref).get("name").asText()));
            Set<String> expected = new HashSet<>();
            for (EventType type : EventType.values()) {
                if (type.topics().contains(topic)) {
                    expected.add(type.ceType());
                }
            }
            assertEquals(expected, described, address);
        });
        Set<String> topics = new HashSet<>();
        for (Topic topic : Topic.values()) {
            topics.add(topic.topicName());
        }
        assertEquals(topics, addresses);
    }

    @Test
    void everyMessagePayloadPointsAtTheSchemaOfItsType() throws Exception {
        JsonNode doc;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("io/lanes/contracts/asyncapi.yaml")) {
            doc = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        doc.get("components").get("messages").forEach(message -> {
            EventType type = EventType.fromCeType(message.get("name").asText()).orElseThrow();
            String schemaRef = message.get("payload").get("schema").get("$ref").asText();
            assertEquals(type.schemaResource(), "io/lanes/contracts/" + schemaRef);
        });
    }

    private static JsonNode message(JsonNode doc, JsonNode ref) {
        String pointer = ref.get("$ref").asText().substring(1);
        return doc.at(pointer);
    }

    private static Topic topicNamed(String address) {
        for (Topic topic : Topic.values()) {
            if (topic.topicName().equals(address)) {
                return topic;
            }
        }
        throw new AssertionError("no topic " + address);
    }
}
