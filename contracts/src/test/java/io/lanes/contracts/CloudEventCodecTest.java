package io.lanes.contracts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lanes.contracts.intake.IntakeComplete;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class CloudEventCodecTest {

    private static final UUID ID = UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");

    private static LanesEvent sample(EventType type) {
        return EventSamples.all().stream()
                .filter(e -> EventType.of(e) == type)
                .findFirst()
                .orElseThrow();
    }

    private static ConsumerRecord<String, byte[]> delivered(ProducerRecord<String, byte[]> sent) {
        return new ConsumerRecord<>(
                sent.topic(),
                0,
                42L,
                0L,
                TimestampType.CREATE_TIME,
                0,
                sent.value().length,
                sent.key(),
                sent.value(),
                sent.headers(),
                Optional.empty());
    }

    @Test
    void writesEveryHeaderOfTheContract() {
        LanesEvent event = sample(EventType.INTAKE_COMPLETE);
        ProducerRecord<String, byte[]> record =
                CloudEventCodec.toRecord(Topic.INTAKE.topicName(), CloudEvent.of(event, ID, 2));
        Headers h = record.headers();
        assertEquals(EventSamples.INTAKE.toString(), record.key());
        assertEquals("1.0", text(h, "ce_specversion"));
        assertEquals(ID.toString(), text(h, "ce_id"));
        assertEquals("/lanes/intake-service", text(h, "ce_source"));
        assertEquals("io.lanes.intake-complete.v1", text(h, "ce_type"));
        assertEquals(EventSamples.INTAKE.toString(), text(h, "ce_subject"));
        assertEquals("2026-03-02T14:05:00Z", text(h, "ce_time"));
        assertEquals("00000000000000000002", text(h, "ce_sequence"), "orders as a string (contract 1.1)");
        assertEquals("urn:lanes:schema:intake-complete.v1", text(h, "ce_dataschema"));
        assertEquals("application/json", text(h, "content-type"));
    }

    @Test
    void aRecordOfContract10WithAnUnpaddedSequenceAndNoDataschemaIsRead() {
        LanesEvent event = sample(EventType.MATTER_CLOSED);
        ProducerRecord<String, byte[]> record =
                CloudEventCodec.toRecord(Topic.MATTER.topicName(), CloudEvent.of(event, ID, 12));
        record.headers()
                .remove("ce_dataschema")
                .remove("ce_sequence")
                .add("ce_sequence", "12".getBytes(StandardCharsets.UTF_8));
        IncomingEvent incoming = CloudEventCodec.decode(delivered(record));
        assertEquals(12, incoming.envelope().sequence());
        assertEquals(event, incoming.event());
    }

    @Test
    void headersAndKeyRoundTrip() {
        for (LanesEvent event : EventSamples.all()) {
            CloudEvent sent = CloudEvent.of(event, UUID.randomUUID(), 7);
            CloudEvent received = CloudEventCodec.fromRecord(delivered(
                    CloudEventCodec.toRecord(EventType.of(event).topic().topicName(), sent)));
            assertEquals(sent.id(), received.id());
            assertEquals(sent.source(), received.source());
            assertEquals(sent.type(), received.type());
            assertEquals(sent.subject(), received.subject());
            assertEquals(sent.time(), received.time());
            assertEquals(sent.sequence(), received.sequence());
            assertArrayEquals(sent.data(), received.data());
            assertEquals(
                    event,
                    CloudEventCodec.decode(delivered(CloudEventCodec.toRecord("t", sent)))
                            .event());
        }
    }

    @Test
    void readerIgnoresUnknownFields() {
        LanesEvent event = sample(EventType.INTAKE_COMPLETE);
        ObjectNode data = (ObjectNode) EventJson.tree(event);
        data.put("introducedInALaterRelease", "anything");
        data.withObject("/client").put("preferredLanguage", "en");
        CloudEvent envelope = CloudEvent.of(event, ID, 1);
        CloudEvent extended = new CloudEvent(
                envelope.id(),
                envelope.source(),
                envelope.type(),
                envelope.subject(),
                envelope.time(),
                envelope.sequence(),
                data.toString().getBytes(StandardCharsets.UTF_8));

        IncomingEvent incoming = CloudEventCodec.decode(delivered(CloudEventCodec.toRecord("t", extended)));

        assertEquals(event, incoming.event());
        assertTrue(incoming.event() instanceof IntakeComplete);
    }

    @Test
    void theTraceContextTravelsAsCeTraceparentAndMayBeAbsent() {
        CloudEvent plain = CloudEvent.of(sample(EventType.MATTER_CLOSED), ID, 3);
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        CloudEvent traced = plain.withTraceparent(traceparent);

        ProducerRecord<String, byte[]> record = CloudEventCodec.toRecord("t", traced);
        assertEquals(traceparent, text(record.headers(), "ce_traceparent"));
        assertEquals(traceparent, CloudEventCodec.fromRecord(delivered(record)).traceparent());

        ProducerRecord<String, byte[]> untraced = CloudEventCodec.toRecord("t", plain);
        assertEquals(null, untraced.headers().lastHeader("ce_traceparent"));
        assertEquals(null, CloudEventCodec.fromRecord(delivered(untraced)).traceparent());

        // A malformed one is carried as it came: the consumer starts a new trace, the record is no poison.
        record.headers().remove("ce_traceparent").add("ce_traceparent", "garbage".getBytes(StandardCharsets.UTF_8));
        assertEquals(
                "garbage", CloudEventCodec.decode(delivered(record)).envelope().traceparent());
    }

    @Test
    void missingHeaderIsPoison() {
        ProducerRecord<String, byte[]> record =
                CloudEventCodec.toRecord("t", CloudEvent.of(sample(EventType.MATTER_CLOSED), ID, 1));
        record.headers().remove("ce_id");
        PoisonRecordException e =
                assertThrows(PoisonRecordException.class, () -> CloudEventCodec.decode(delivered(record)));
        assertTrue(e.getMessage().contains("ce_id"), e.getMessage());
    }

    @Test
    void unknownTypeIsPoison() {
        ProducerRecord<String, byte[]> record =
                CloudEventCodec.toRecord("t", CloudEvent.of(sample(EventType.MATTER_CLOSED), ID, 1));
        record.headers()
                .remove("ce_type")
                .add("ce_type", "io.lanes.matter-exploded.v1".getBytes(StandardCharsets.UTF_8));
        assertThrows(PoisonRecordException.class, () -> CloudEventCodec.decode(delivered(record)));
    }

    @Test
    void valueThatIsNotJsonIsPoison() {
        CloudEvent envelope = CloudEvent.of(sample(EventType.MATTER_CLOSED), ID, 1);
        CloudEvent garbage = new CloudEvent(
                envelope.id(),
                envelope.source(),
                envelope.type(),
                envelope.subject(),
                envelope.time(),
                1,
                "{not json".getBytes(StandardCharsets.UTF_8));
        assertThrows(
                PoisonRecordException.class,
                () -> CloudEventCodec.decode(delivered(CloudEventCodec.toRecord("t", garbage))));
    }

    @Test
    void schemaInvalidDataIsPoisonNamingTheField() {
        CloudEvent envelope = CloudEvent.of(sample(EventType.MATTER_CLOSED), ID, 1);
        CloudEvent invalid = new CloudEvent(
                envelope.id(),
                envelope.source(),
                envelope.type(),
                envelope.subject(),
                envelope.time(),
                1,
                "{\"matterId\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        PoisonRecordException e = assertThrows(
                PoisonRecordException.class,
                () -> CloudEventCodec.decode(delivered(CloudEventCodec.toRecord("t", invalid))));
        assertTrue(e.getMessage().contains("closedOn"), e.getMessage());
    }

    @Test
    void keyThatDiffersFromSubjectIsPoison() {
        ProducerRecord<String, byte[]> sent =
                CloudEventCodec.toRecord("t", CloudEvent.of(sample(EventType.MATTER_CLOSED), ID, 1));
        ProducerRecord<String, byte[]> rekeyed =
                new ProducerRecord<>("t", null, "another-key", sent.value(), sent.headers());
        assertThrows(PoisonRecordException.class, () -> CloudEventCodec.fromRecord(delivered(rekeyed)));
    }

    private static String text(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
