package io.lanes.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON form of event data as docs/events.md fixes it: camelCase, RFC 3339 instants, ISO dates, money
 * as plain decimal numbers, optional fields omitted, unknown fields ignored (fields may be added to
 * a v1 type, so a reader must not fail on them).
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = configure(new ObjectMapper());

    private EventJson() {}

    /** Applies the contract's JSON conventions to a mapper (a service may pass its own). */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(LanesEvent event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot serialize " + event.getClass().getSimpleName(), e);
        }
    }

    public static JsonNode tree(LanesEvent event) {
        return MAPPER.valueToTree(event);
    }

    public static JsonNode parse(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Maps stored data (validated when it was written) to the record of its type in one pass, with no tree between. */
    public static LanesEvent read(EventType type, String data) {
        try {
            return MAPPER.readValue(data, type.javaType());
        } catch (JsonProcessingException e) {
            throw new PoisonRecordException("data does not map to " + type.ceType() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Maps already validated data to the record of its type. */
    public static LanesEvent read(EventType type, JsonNode data) {
        try {
            return MAPPER.treeToValue(data, type.javaType());
        } catch (JsonProcessingException e) {
            throw new PoisonRecordException("data does not map to " + type.ceType() + ": " + e.getOriginalMessage(), e);
        }
    }
}
