package io.lanes.eventstore;

import static io.lanes.eventstore.fixture.Events.incomplete;
import static io.lanes.eventstore.fixture.Events.newIncomplete;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.lanes.contracts.CloudEvent;
import io.lanes.contracts.CloudEventCodec;
import io.lanes.contracts.Topic;
import io.lanes.contracts.intake.IntakeIncomplete;
import io.lanes.eventstore.fixture.IntakeCounter;
import io.lanes.eventstore.fixture.Reactive;
import io.lanes.eventstore.fixture.RecordedSpans;
import io.lanes.testing.LanesInfra;
import io.lanes.testing.LanesInfraResource;
import io.lanes.testing.RecordHeaders;
import io.lanes.testing.TopicReader;
import io.lanes.testing.TopicWriter;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * One trace from the work that appends an event, through the relay's publish, to the consumer that
 * applies it (ce_traceparent over the real broker); a record without a usable ce_traceparent starts a
 * trace of its own and is applied all the same.
 */
@QuarkusTest
@QuarkusTestResource(LanesInfraResource.class)
class TracingTest {

    private static final AttributeKey<String> EVENT_ID = AttributeKey.stringKey("cloudevents.event_id");

    @Inject
    EventStore store;

    @Inject
    RecordedSpans spans;

    @Inject
    Tracer tracer;

    @Test
    void anEventCarriesTheTraceOfItsAppendThroughTheRelayToItsConsumer() {
        UUID intake = UUID.randomUUID();
        Span request =
                tracer.spanBuilder("POST /intakes").setSpanKind(SpanKind.SERVER).startSpan();
        String traceId = request.getSpanContext().getTraceId();
        NewEvent event = newIncomplete(intake, 1);
        Reactive.await(() -> {
            Scope scope = request.makeCurrent();
            return Panache.withTransaction(() -> store.append(intake.toString(), "intake", 0, List.of(event)))
                    .eventually(scope::close);
        });
        request.end();

        try (TopicReader reader = TopicReader.of(Topic.INTAKE.topicName())) {
            ConsumerRecord<String, byte[]> record = reader.await(
                            r -> event.eventId().toString().equals(RecordHeaders.text(r, CloudEventCodec.H_ID)),
                            1,
                            Duration.ofSeconds(30))
                    .get(0);
            SpanData append = Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(
                            () -> spans.ofTrace(traceId).stream()
                                    .filter(s -> s.getName().equals("append intake"))
                                    .findFirst(),
                            Optional::isPresent)
                    .orElseThrow();
            assertEquals(request.getSpanContext().getSpanId(), append.getParentSpanId());
            assertEquals(intake.toString(), append.getAttributes().get(AttributeKey.stringKey("lanes.stream_id")));
            SpanData publish = awaitSpan(traceId, SpanKind.PRODUCER, event.eventId());
            assertEquals("lanes.intake.v1 publish", publish.getName());
            assertEquals(append.getSpanId(), publish.getParentSpanId());
            assertEquals(
                    "00-" + traceId + "-" + publish.getSpanId() + "-01",
                    RecordHeaders.text(record, CloudEventCodec.H_TRACEPARENT));

            SpanData process = awaitSpan(traceId, SpanKind.CONSUMER, event.eventId());
            assertEquals("lanes.intake.v1 process", process.getName());
            assertEquals(publish.getSpanId(), process.getParentSpanId());
            assertEquals("intake-counter", process.getAttributes().get(AttributeKey.stringKey("lanes.consumer")));
            assertEquals(StatusCode.UNSET, process.getStatus().getStatusCode());
            // The consumer's span was current while its handler ran, past the handler's first async step.
            assertEquals("00-" + traceId + "-" + process.getSpanId() + "-01", IntakeCounter.TRACE_SEEN.get(intake));
        }
    }

    @Test
    void aRecordWithoutAUsableTraceparentStartsATraceOfItsOwnAndIsApplied() {
        try (TopicWriter writer = TopicWriter.of()) {
            for (String traceparent : new String[] {null, "00-not-a-trace-context"}) {
                UUID intake = UUID.randomUUID();
                UUID ceId = UUID.randomUUID();
                IntakeIncomplete event = incomplete(intake, 1, Instant.now());
                writer.send(CloudEventCodec.toRecord(
                        Topic.INTAKE.topicName(), CloudEvent.of(event, ceId, 1).withTraceparent(traceparent)));

                Awaitility.await()
                        .atMost(Duration.ofSeconds(30))
                        .until(() -> LanesInfra.get()
                                        .database()
                                        .queryLong(
                                                "SELECT count(*) FROM intake_counter WHERE intake_id = ? AND applied = 1",
                                                intake)
                                == 1);
                SpanData process = Awaitility.await()
                        .atMost(Duration.ofSeconds(10))
                        .until(
                                () -> spans.all().stream()
                                        .filter(s -> s.getKind() == SpanKind.CONSUMER
                                                && ceId.toString()
                                                        .equals(s.getAttributes()
                                                                .get(EVENT_ID)))
                                        .findFirst(),
                                Optional::isPresent)
                        .orElseThrow();
                assertFalse(process.getParentSpanContext().isValid(), "a new trace: no parent");
                assertEquals(StatusCode.UNSET, process.getStatus().getStatusCode());
                assertEquals(
                        "00-" + process.getTraceId() + "-" + process.getSpanId() + "-01",
                        IntakeCounter.TRACE_SEEN.get(intake));
                assertNotEquals("00000000000000000000000000000000", process.getTraceId());
            }
        }
    }

    private SpanData awaitSpan(String traceId, SpanKind kind, UUID eventId) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> spans.ofTrace(traceId).stream()
                                .filter(s -> s.getKind() == kind
                                        && eventId.toString()
                                                .equals(s.getAttributes().get(EVENT_ID)))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }
}
