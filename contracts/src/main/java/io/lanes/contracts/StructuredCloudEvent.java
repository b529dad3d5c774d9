package io.lanes.contracts;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An event in CloudEvents 1.0 <em>structured</em> mode: one JSON object with the envelope's attributes
 * beside {@code data}, for transports without headers of their own (webhook bodies, server-sent events).
 * The attributes are those of the Kafka headers: {@code sequence} and {@code dataschema} included.
 */
public final class StructuredCloudEvent {

    private StructuredCloudEvent() {}

    public static ObjectNode of(CloudEvent event) {
        ObjectNode json = EventJson.mapper().createObjectNode();
        json.put("specversion", CloudEventCodec.SPEC_VERSION);
        json.put("id", event.id().toString());
        json.put("source", event.source());
        json.put("type", event.type());
        json.put("subject", event.subject());
        json.put("time", event.time().toString());
        json.put("sequence", CloudEventCodec.sequence(event.sequence()));
        EventType.fromCeType(event.type()).ifPresent(type -> json.put("dataschema", EventSchemas.id(type)));
        json.put("datacontenttype", CloudEventCodec.CONTENT_TYPE);
        json.set("data", EventJson.parse(event.data()));
        return json;
    }
}
