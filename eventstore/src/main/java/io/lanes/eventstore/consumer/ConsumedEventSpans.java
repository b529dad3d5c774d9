package io.lanes.eventstore.consumer;

import io.lanes.contracts.CloudEventCodec;
import io.lanes.contracts.IncomingEvent;
import io.lanes.platform.tracing.Traceparent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.MDC;

/**
 * A consumed event's span: a child of the relay's publish that sent it ({@code ce_traceparent}), so a
 * trace runs on from the request that caused the event; a record without one (or with a malformed one)
 * starts a new trace. Attributes name the event by id, type and subject (an aggregate id), never by
 * anything in its data: no client's name or e-mail reaches a span.
 */
@ApplicationScoped
public class ConsumedEventSpans {

    private static final String EVENT_ID = "eventId";

    private final Tracer tracer;

    public ConsumedEventSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    /** Starts the span of applying {@code event}, read from {@code record}, by {@code consumer}. */
    Span start(String consumer, ConsumerRecord<String, byte[]> record, IncomingEvent event) {
        return builder(consumer, record, event.envelope().traceparent())
                .setAttribute("cloudevents.event_id", event.envelope().id().toString())
                .setAttribute("cloudevents.event_type", event.envelope().type())
                .setAttribute("cloudevents.event_subject", event.envelope().subject())
                .startSpan();
    }

    /** Records a dead-lettered record as a failed span of the trace it came with. */
    void deadLettered(String consumer, ConsumerRecord<String, byte[]> record, String reason) {
        Header traceparent = record.headers().lastHeader(CloudEventCodec.H_TRACEPARENT);
        builder(
                        consumer,
                        record,
                        traceparent == null || traceparent.value() == null
                                ? null
                                : new String(traceparent.value(), StandardCharsets.UTF_8))
                .startSpan()
                .setStatus(StatusCode.ERROR, "dead-lettered: " + reason)
                .end();
    }

    /**
     * Runs {@code work} with {@code span} current until the work's {@code Uni} ends, so what it appends
     * carries the span as its cause ({@code EventStore} reads the current context of the Vert.x context
     * it runs on), and the event's id in the log context ({@code eventId}, beside the trace and span
     * ids). Ending the span is the caller's: it ends when the transaction does.
     */
    static Uni<Void> within(Span span, IncomingEvent event, Supplier<Uni<Void>> work) {
        return Uni.createFrom().deferred(() -> {
            Scope scope = span.makeCurrent();
            MDC.put(EVENT_ID, event.envelope().id().toString());
            Uni<Void> running;
            try {
                running = work.get();
            } catch (RuntimeException e) {
                MDC.remove(EVENT_ID);
                scope.close();
                return Uni.createFrom().failure(e);
            }
            return running.onTermination().invoke(() -> {
                MDC.remove(EVENT_ID);
                scope.close();
            });
        });
    }

    /** Ends the spans of a batch's events, failed when their transaction did not commit. */
    static void end(List<Span> spans, Throwable failure) {
        for (Span span : spans) {
            if (failure != null) {
                span.recordException(failure);
                span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
            }
            span.end();
        }
    }

    private SpanBuilder builder(String consumer, ConsumerRecord<String, byte[]> record, String traceparent) {
        return tracer.spanBuilder(record.topic() + " process")
                .setParent(Traceparent.parent(traceparent))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.destination.partition.id", String.valueOf(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .setAttribute("lanes.consumer", consumer);
    }
}
