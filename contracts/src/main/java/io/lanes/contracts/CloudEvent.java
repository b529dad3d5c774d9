package io.lanes.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One event in its CloudEvents 1.0 envelope, with the data as the JSON bytes that travel as the
 * Kafka record value. This is the unit the outbox relays and consumers receive, independent of the
 * Java record that the data maps to.
 *
 * @param id       {@code ce_id}: unique per event and stable across redelivery
 * @param source   {@code ce_source}
 * @param type     {@code ce_type}
 * @param subject  {@code ce_subject}: the aggregate id, also the Kafka key
 * @param time     {@code ce_time}: when the event occurred
 * @param sequence {@code ce_sequence}: version of the event in its aggregate stream, from 1
 * @param data     the UTF-8 JSON data
 * @param traceparent {@code ce_traceparent}: the W3C trace context of the work that caused the event
 *     (CloudEvents distributed-tracing extension), or null when none was active
 */
public record CloudEvent(
        UUID id,
        String source,
        String type,
        String subject,
        Instant time,
        long sequence,
        byte[] data,
        String traceparent) {

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1, was " + sequence);
        }
    }

    /** An event whose cause carried no trace context. */
    public CloudEvent(UUID id, String source, String type, String subject, Instant time, long sequence, byte[] data) {
        this(id, source, type, subject, time, sequence, data, null);
    }

    /** The same event, caused by the work {@code traceparent} names (null: by none). */
    public CloudEvent withTraceparent(String traceparent) {
        return new CloudEvent(id, source, type, subject, time, sequence, data, traceparent);
    }

    /** Wraps a domain event that has been given its id and its version in the stream. */
    public static CloudEvent of(LanesEvent event, UUID id, long sequence) {
        EventType type = EventType.of(event);
        return new CloudEvent(
                id,
                type.source().uri(),
                type.ceType(),
                event.aggregateId(),
                event.occurredAt(),
                sequence,
                EventJson.write(event));
    }
}
