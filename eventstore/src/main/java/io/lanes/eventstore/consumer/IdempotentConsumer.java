package io.lanes.eventstore.consumer;

import io.lanes.contracts.CloudEventCodec;
import io.lanes.contracts.IncomingEvent;
import io.lanes.contracts.PoisonRecordException;
import io.opentelemetry.api.trace.Span;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * At-least-once delivery from Kafka, exactly-once effect: for a batch of records, in one database
 * transaction, skip every {@code ce_id} this consumer already applied, apply the others in order,
 * and record their ids and the partition progress. A redelivered record therefore changes nothing.
 *
 * <p>Records that can never be processed (no CloudEvents headers, unknown type, not JSON, schema
 * violation) go to the dead-letter topic with the reason before the batch commits. If applying a
 * batch fails for a reason that may pass ({@link TransientFailures}: the database away, a stale
 * connection, a deadlock, a timeout), the batch is retried with back-off for as long as it takes.
 * Otherwise each record is retried in a transaction of its own, and one that still fails for a lasting
 * reason while the database answers is dead-lettered, so one bad record never stops its partition.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);
    private static final Duration RETRY_MIN = Duration.ofSeconds(1);
    private static final Duration RETRY_MAX = Duration.ofSeconds(30);
    private static final String ADVANCE_PROGRESS_AND_TIME = "INSERT INTO lanes_consumer_progress (consumer, topic, "
            + "kafka_partition, next_offset, last_event_time, updated_at) VALUES (:consumer, :topic, :partition, :next, "
            + ":time, clock_timestamp()) ON CONFLICT (consumer, topic, kafka_partition) DO UPDATE SET next_offset = "
            + "GREATEST(lanes_consumer_progress.next_offset, EXCLUDED.next_offset), last_event_time = "
            + "EXCLUDED.last_event_time, updated_at = EXCLUDED.updated_at";
    /** For a partition whose records in the batch were all dead-lettered: its last event time stays. */
    private static final String ADVANCE_PROGRESS = "INSERT INTO lanes_consumer_progress (consumer, topic, "
            + "kafka_partition, next_offset, updated_at) VALUES (:consumer, :topic, :partition, :next, "
            + "clock_timestamp()) ON CONFLICT (consumer, topic, kafka_partition) DO UPDATE SET next_offset = "
            + "GREATEST(lanes_consumer_progress.next_offset, EXCLUDED.next_offset), updated_at = EXCLUDED.updated_at";

    private final DeadLetters deadLetters;
    private final ConsumedEventSpans spans;
    private final ConsumerDelays delays;

    public IdempotentConsumer(DeadLetters deadLetters, ConsumedEventSpans spans, ConsumerDelays delays) {
        this.deadLetters = deadLetters;
        this.spans = spans;
        this.delays = delays;
    }

    /**
     * Processes a batch (a {@code ConsumerRecords} of a batch channel, or any records); complete when
     * every record is applied, skipped as a duplicate, or dead-lettered. While the database is
     * unreachable it retries with backoff instead, so nothing is skipped or wrongly dead-lettered.
     */
    public Uni<Void> consume(String consumer, Iterable<ConsumerRecord<String, byte[]>> records, EventHandler handler) {
        return run(consumer, records, (fresh, traced) -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (int i = 0; i < fresh.size(); i++) {
                IncomingEvent event = fresh.get(i).event();
                Span span = traced.get(i);
                chain = chain.chain(() -> ConsumedEventSpans.within(span, event, () -> handler.handle(event)));
            }
            return chain;
        });
    }

    /**
     * As {@link #consume(String, Iterable, EventHandler)}, handing the handler all of a batch's new
     * events at once (in the batch's order), so it can write them with few statements.
     */
    public Uni<Void> consumeBatch(
            String consumer, Iterable<ConsumerRecord<String, byte[]>> records, BatchHandler handler) {
        return run(
                consumer,
                records,
                (fresh, traced) ->
                        handler.handle(fresh.stream().map(Decoded::event).collect(Collectors.toList())));
    }

    /** How a batch's new events are applied, each with its span (started, not yet current). */
    @FunctionalInterface
    private interface Application {
        Uni<Void> apply(List<Decoded> fresh, List<Span> spans);
    }

    private Uni<Void> run(String consumer, Iterable<ConsumerRecord<String, byte[]>> records, Application handler) {
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        List<Decoded> decoded = new ArrayList<>();
        Map<ConsumerRecord<String, byte[]>, String> poison = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            all.add(record);
            try {
                decoded.add(new Decoded(record, CloudEventCodec.decode(record)));
            } catch (RuntimeException e) {
                poison.put(record, e instanceof PoisonRecordException ? e.getMessage() : "undecodable: " + e);
            }
        }
        return park(consumer, poison)
                .onFailure()
                .retry()
                .withBackOff(RETRY_MIN, RETRY_MAX)
                .indefinitely()
                .chain(() -> Panache.withTransaction(
                                () -> apply(consumer, decoded, handler).chain(() -> progress(consumer, all, decoded)))
                        .onFailure(failure -> !TransientFailures.is(failure))
                        .recoverWithUni(failure -> {
                            LOG.warnf(
                                    "%s: batch of %d failed (%s); applying one by one",
                                    consumer, decoded.size(), failure.getMessage());
                            return oneByOne(consumer, decoded, handler)
                                    .chain(() -> Panache.withTransaction(() -> progress(consumer, all, decoded)));
                        })
                        .onFailure()
                        .invoke(failure -> LOG.warnf(
                                "%s: batch of %d failed for a reason that may pass (%s); retrying with back-off",
                                consumer, decoded.size(), failure.getMessage()))
                        .onFailure()
                        .retry()
                        .withBackOff(RETRY_MIN, RETRY_MAX)
                        .indefinitely())
                .invoke(() -> delays.recorded(consumer, all));
    }

    /**
     * Applies each record alone; one that fails while the database answers is dead-lettered. The
     * batch's progress is recorded after the last.
     */
    private Uni<Void> oneByOne(String consumer, List<Decoded> decoded, Application handler) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Decoded one : decoded) {
            chain = chain.chain(() -> Panache.withTransaction(() -> apply(consumer, List.of(one), handler)
                            .chain(() -> progress(consumer, List.of(one.record()), List.of(one))))
                    .onFailure()
                    .recoverWithUni(failure -> TransientFailures.is(failure)
                            ? Uni.createFrom().failure(failure)
                            : databaseAnswers()
                                    .chain(answers -> answers
                                            ? park(consumer, Map.of(one.record(), "handler failed: " + failure))
                                            : Uni.createFrom().failure(failure))));
        }
        return chain;
    }

    private static Uni<Boolean> databaseAnswers() {
        return Panache.withSession(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery("SELECT 1", Integer.class)
                                .getSingleResult()))
                .map(one -> true)
                .onFailure()
                .recoverWithItem(false);
    }

    private Uni<Void> apply(String consumer, List<Decoded> batch, Application handler) {
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<UUID> ids =
                batch.stream().map(d -> d.event().envelope().id()).distinct().collect(Collectors.toList());
        return Panache.getSession()
                .chain(session -> alreadyApplied(session, consumer, ids).chain(seen -> {
                    Set<UUID> applied = new HashSet<>(seen);
                    List<Decoded> fresh = new ArrayList<>();
                    for (Decoded d : batch) {
                        if (applied.add(d.event().envelope().id())) {
                            fresh.add(d);
                        }
                    }
                    if (fresh.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    List<Span> traced = new ArrayList<>(fresh.size());
                    for (Decoded d : fresh) {
                        traced.add(spans.start(consumer, d.record(), d.event()));
                    }
                    return handler.apply(fresh, traced)
                            .chain(() -> remember(session, consumer, fresh))
                            .onTermination()
                            .invoke((ignored, failure, cancelled) -> ConsumedEventSpans.end(traced, failure));
                }));
    }

    /**
     * The batch's ids travel as one array: the statement's text is the same for every batch size, so
     * it is parsed and planned once per connection and not once per size.
     */
    private static Uni<List<UUID>> alreadyApplied(Mutiny.Session session, String consumer, List<UUID> ids) {
        return session.createNativeQuery(
                        "SELECT ce_id FROM lanes_processed_event WHERE consumer = :consumer "
                                + "AND ce_id = ANY(CAST(CAST(:ids AS text[]) AS uuid[]))",
                        UUID.class)
                .setParameter("consumer", consumer)
                .setParameter("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
                .getResultList();
    }

    private static Uni<Void> remember(Mutiny.Session session, String consumer, List<Decoded> fresh) {
        if (fresh.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return session.createNativeQuery("INSERT INTO lanes_processed_event (consumer, ce_id) SELECT :consumer, "
                        + "CAST(id AS uuid) FROM unnest(CAST(:ids AS text[])) AS id")
                .setParameter("consumer", consumer)
                .setParameter(
                        "ids",
                        fresh.stream()
                                .map(d -> d.event().envelope().id().toString())
                                .toArray(String[]::new))
                .executeUpdate()
                .replaceWithVoid();
    }

    /**
     * Records, per partition, the offset after the last record of the batch, dead-lettered ones
     * included: a poison record last on its partition is consumed too, and must not read as lag.
     */
    private static Uni<Void> progress(
            String consumer, List<ConsumerRecord<String, byte[]>> records, List<Decoded> decoded) {
        Map<TopicPartition, Long> next = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            next.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
        }
        Map<TopicPartition, Decoded> lastEvent = new HashMap<>();
        for (Decoded d : decoded) {
            lastEvent.merge(
                    new TopicPartition(d.record().topic(), d.record().partition()),
                    d,
                    (a, b) -> b.record().offset() > a.record().offset() ? b : a);
        }
        return Panache.getSession().chain(session -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Map.Entry<TopicPartition, Long> partition : next.entrySet()) {
                Decoded last = lastEvent.get(partition.getKey());
                Mutiny.MutationQuery upsert = session.createNativeQuery(
                                last == null ? ADVANCE_PROGRESS : ADVANCE_PROGRESS_AND_TIME)
                        .setParameter("consumer", consumer)
                        .setParameter("topic", partition.getKey().topic())
                        .setParameter("partition", partition.getKey().partition())
                        .setParameter("next", partition.getValue());
                if (last != null) {
                    upsert.setParameter(
                            "time",
                            OffsetDateTime.ofInstant(last.event().envelope().time(), ZoneOffset.UTC));
                }
                chain = chain.chain(() -> upsert.executeUpdate().replaceWithVoid());
            }
            return chain;
        });
    }

    /**
     * Dead-letters on a worker thread (the send blocks until Kafka acknowledges), then continues on
     * the caller's Vert.x context, where Hibernate Reactive must run.
     */
    private Uni<Void> park(String consumer, Map<ConsumerRecord<String, byte[]>, String> reasons) {
        if (reasons.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Context context = Vertx.currentContext();
        Uni<Void> parked = Uni.createFrom()
                .item(() -> {
                    reasons.forEach((record, reason) -> {
                        deadLetters.park(consumer, record, reason);
                        spans.deadLettered(consumer, record, reason);
                    });
                    return (Void) null;
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return context == null ? parked : parked.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    private record Decoded(ConsumerRecord<String, byte[]> record, IncomingEvent event) {}
}
