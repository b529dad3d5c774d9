package io.lanes.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * CloudEvents 1.0 Kafka binary mode as docs/events.md fixes it: the key is the aggregate id, the
 * {@code ce_*} headers carry the envelope, the value is the JSON data.
 */
public final class CloudEventCodec {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";
    public static final String H_SPECVERSION = "ce_specversion";
    public static final String H_ID = "ce_id";
    public static final String H_SOURCE = "ce_source";
    public static final String H_TYPE = "ce_type";
    public static final String H_SUBJECT = "ce_subject";
    public static final String H_TIME = "ce_time";
    public static final String H_SEQUENCE = "ce_sequence";
    public static final String H_DATASCHEMA = "ce_dataschema";
    public static final String H_TRACEPARENT = "ce_traceparent";
    public static final String H_CONTENT_TYPE = "content-type";

    private CloudEventCodec() {}

    public static ProducerRecord<String, byte[]> toRecord(String topic, CloudEvent event) {
        return new ProducerRecord<>(topic, null, event.subject(), event.data(), headers(event));
    }

    public static Headers headers(CloudEvent event) {
        RecordHeaders headers = new RecordHeaders();
        put(headers, H_SPECVERSION, SPEC_VERSION);
        put(headers, H_ID, event.id().toString());
        put(headers, H_SOURCE, event.source());
        put(headers, H_TYPE, event.type());
        put(headers, H_SUBJECT, event.subject());
        put(headers, H_TIME, event.time().toString());
        put(headers, H_SEQUENCE, sequence(event.sequence()));
        EventType.fromCeType(event.type()).ifPresent(type -> put(headers, H_DATASCHEMA, EventSchemas.id(type)));
        if (event.traceparent() != null) {
            put(headers, H_TRACEPARENT, event.traceparent());
        }
        put(headers, H_CONTENT_TYPE, CONTENT_TYPE);
        return headers;
    }

    /**
     * {@code ce_sequence} as the CloudEvents sequence extension wants it: a string that orders as the
     * number does, so zero-padded to 20 digits (contract 1.1; 1.0 records carry it unpadded, and
     * {@link #fromRecord} reads both).
     */
    public static String sequence(long sequence) {
        return String.format("%020d", sequence);
    }

    /** Reads the envelope of a record; anything malformed is a {@link PoisonRecordException}. */
    public static CloudEvent fromRecord(ConsumerRecord<String, byte[]> record) {
        Headers headers = record.headers();
        String specVersion = required(headers, H_SPECVERSION);
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new PoisonRecordException("unsupported " + H_SPECVERSION + " " + specVersion);
        }
        String contentType = required(headers, H_CONTENT_TYPE);
        if (!contentType.startsWith(CONTENT_TYPE)) {
            throw new PoisonRecordException("unsupported content-type " + contentType);
        }
        String subject = required(headers, H_SUBJECT);
        if (record.key() != null && !record.key().equals(subject)) {
            throw new PoisonRecordException("key " + record.key() + " differs from " + H_SUBJECT + " " + subject);
        }
        if (record.value() == null) {
            throw new PoisonRecordException("record has no value");
        }
        try {
            return new CloudEvent(
                    UUID.fromString(required(headers, H_ID)),
                    required(headers, H_SOURCE),
                    required(headers, H_TYPE),
                    subject,
                    Instant.parse(required(headers, H_TIME)),
                    Long.parseLong(required(headers, H_SEQUENCE)),
                    record.value(),
                    optional(headers, H_TRACEPARENT));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new PoisonRecordException("malformed CloudEvents header: " + e.getMessage(), e);
        }
    }

    /** Reads, schema-validates and maps a record to its event record. */
    public static IncomingEvent decode(ConsumerRecord<String, byte[]> record) {
        CloudEvent envelope = fromRecord(record);
        EventType type = EventType.fromCeType(envelope.type())
                .orElseThrow(() -> new PoisonRecordException("unknown " + H_TYPE + " " + envelope.type()));
        JsonNode data;
        try {
            data = EventJson.parse(envelope.data());
        } catch (UncheckedIOException e) {
            throw new PoisonRecordException("value is not JSON: " + e.getCause().getMessage(), e);
        }
        EventSchemas.requireValid(type, data);
        return new IncomingEvent(envelope, type, EventJson.read(type, data));
    }

    private static void put(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * An optional header's value, or null. {@code ce_traceparent} is read as it came: a malformed one
     * starts a new trace where it is used, it never makes a record poison.
     */
    private static String optional(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String required(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null) {
            throw new PoisonRecordException("missing header " + name);
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
