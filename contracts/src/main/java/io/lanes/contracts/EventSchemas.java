package io.lanes.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The JSON Schema (draft 2020-12) of every event type, loaded once. Producers' tests validate what
 * they emit; consumers validate what they receive and dead-letter what fails.
 */
public final class EventSchemas {

    private static final Map<EventType, JsonSchema> SCHEMAS = load();

    private EventSchemas() {}

    private static Map<EventType, JsonSchema> load() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        Map<EventType, JsonSchema> schemas = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
                if (in == null) {
                    throw new IllegalStateException("no schema at " + type.schemaResource());
                }
                schemas.put(type, factory.getSchema(EventJson.mapper().readTree(in)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schemas;
    }

    /** The schema violations of {@code data} as readable messages; empty when valid. */
    public static List<String> violations(EventType type, JsonNode data) {
        return SCHEMAS.get(type).validate(data).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .collect(Collectors.toList());
    }

    /** The schema document itself, e.g. to list its declared properties. */
    public static JsonNode schema(EventType type) {
        return SCHEMAS.get(type).getSchemaNode();
    }

    /** The schema's {@code $id} URI, sent as {@code ce_dataschema}. */
    public static String id(EventType type) {
        return schema(type).get("$id").asText();
    }

    public static void requireValid(EventType type, JsonNode data) {
        List<String> violations = violations(type, data);
        if (!violations.isEmpty()) {
            throw new PoisonRecordException(type.ceType() + " violates its schema: " + String.join("; ", violations));
        }
    }
}
