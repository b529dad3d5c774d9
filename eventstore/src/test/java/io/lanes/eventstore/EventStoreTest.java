package io.lanes.eventstore;

import static io.lanes.eventstore.fixture.Events.newIncomplete;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lanes.contracts.intake.IntakeIncomplete;
import io.lanes.eventstore.fixture.Events;
import io.lanes.eventstore.fixture.Reactive;
import io.lanes.testing.LanesInfra;
import io.lanes.testing.LanesInfraResource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(LanesInfraResource.class)
class EventStoreTest {

    @Inject
    EventStore store;

    private AppendResult append(String stream, long expected, NewEvent... events) {
        return Reactive.await(
                () -> Panache.withTransaction(() -> store.append(stream, "intake", expected, List.of(events))));
    }

    private List<StoredEvent> load(String stream) {
        return Reactive.await(() -> Panache.withSession(() -> store.load(stream)));
    }

    @Test
    void appendsAndLoadsAStreamInVersionOrder() {
        UUID intake = UUID.randomUUID();
        String stream = intake.toString();
        AppendResult first = append(stream, 0, newIncomplete(intake, 1), newIncomplete(intake, 2));
        AppendResult second = append(stream, 2, newIncomplete(intake, 3));

        assertEquals(2, first.version());
        assertEquals(3, second.version());
        List<StoredEvent> events = load(stream);
        assertEquals(
                List.of(1L, 2L, 3L), events.stream().map(StoredEvent::version).collect(Collectors.toList()));
        assertEquals(
                List.of(1, 2, 3),
                events.stream()
                        .map(e -> ((IntakeIncomplete) e.event()).attempt())
                        .collect(Collectors.toList()));
        assertEquals("io.lanes.intake-incomplete.v1", events.get(0).ceType());
    }

    @Test
    void fiftyConcurrentAppendsAtOneVersionLetExactlyOneWin() throws Exception {
        UUID intake = UUID.randomUUID();
        String stream = intake.toString();
        append(stream, 0, newIncomplete(intake, 1));
        ExecutorService writers = Executors.newFixedThreadPool(50);
        List<Future<AppendResult>> attempts = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                int attempt = i + 2;
                attempts.add(writers.submit(() -> append(stream, 1, newIncomplete(intake, attempt))));
            }
            int won = 0;
            int conflicts = 0;
            for (Future<AppendResult> attempt : attempts) {
                try {
                    attempt.get(60, TimeUnit.SECONDS);
                    won++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertTrue(e.getCause() instanceof ConcurrencyConflict, String.valueOf(e.getCause()));
                    conflicts++;
                }
            }
            assertEquals(1, won);
            assertEquals(49, conflicts);
        } finally {
            writers.shutdownNow();
        }
        assertEquals(
                List.of(1L, 2L), load(stream).stream().map(StoredEvent::version).collect(Collectors.toList()));
    }

    @Test
    void anEventTooLargeToPublishIsRefusedAndNothingOfTheAppendIsWritten() {
        UUID intake = UUID.randomUUID();
        NewEvent huge = new NewEvent(
                UUID.randomUUID(),
                "io.lanes.intake-incomplete.v1",
                "{\"pad\":\"" + "\\u0001".repeat(200_000) + "\"}",
                Instant.now(),
                EventMetadata.by("i.jones"));
        EventTooLarge refused =
                assertThrows(EventTooLarge.class, () -> append(intake.toString(), 0, newIncomplete(intake, 1), huge));
        assertEquals(1_200_010, refused.bytes());
        assertEquals(1_000_000, refused.maxBytes());
        assertEquals(
                0,
                LanesInfra.get()
                        .database()
                        .queryLong("SELECT count(*) FROM lanes_event WHERE stream_id = ?", intake.toString()));
    }

    @Test
    void staleExpectedVersionIsAConflictNamingTheCurrentVersion() {
        UUID intake = UUID.randomUUID();
        append(intake.toString(), 0, newIncomplete(intake, 1));
        ConcurrencyConflict conflict =
                assertThrows(ConcurrencyConflict.class, () -> append(intake.toString(), 0, newIncomplete(intake, 2)));
        assertEquals(1, conflict.actualVersion());
    }

    @Test
    void reappendingAStoredEventIdIsANoOpThatReturnsTheStoredResult() {
        UUID intake = UUID.randomUUID();
        NewEvent event = newIncomplete(intake, 1);
        AppendResult first = append(intake.toString(), 0, event);
        AppendResult again = append(intake.toString(), 0, event);

        assertTrue(again.replayed());
        assertEquals(first.version(), again.version());
        assertEquals(first.events().get(0).position(), again.events().get(0).position());
        assertEquals(
                1,
                LanesInfra.get()
                        .database()
                        .queryLong("SELECT count(*) FROM lanes_event WHERE event_id = ?", event.eventId()));
    }

    @Test
    void failureAfterAppendStoresNothing() {
        UUID intake = UUID.randomUUID();
        assertThrows(
                IllegalStateException.class,
                () -> Reactive.await(() -> Panache.withTransaction(
                        () -> store.append(intake.toString(), "intake", 0, List.of(newIncomplete(intake, 1)))
                                .chain(written ->
                                        Uni.createFrom().failure(new IllegalStateException("crash before commit"))))));
        assertEquals(
                0,
                LanesInfra.get()
                        .database()
                        .queryLong("SELECT count(*) FROM lanes_event WHERE stream_id = ?", intake.toString()));
        assertTrue(load(intake.toString()).isEmpty());
    }

    @Test
    void unknownStreamIsEmptyAtVersionZero() {
        String stream = UUID.randomUUID().toString();
        assertTrue(load(stream).isEmpty());
        assertEquals(0L, Reactive.await(() -> Panache.withSession(() -> store.version(stream))));
    }

    @Test
    void absurdVersionsAndEmptyAppendsAreRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> store.append("s", "intake", -1, List.of(newIncomplete(UUID.randomUUID(), 1))));
        assertThrows(
                IllegalArgumentException.class,
                () -> store.append("s", "intake", Long.MAX_VALUE, List.of(newIncomplete(UUID.randomUUID(), 1))));
        assertThrows(IllegalArgumentException.class, () -> store.append("s", "intake", 0, List.of()));
        assertThrows(IllegalArgumentException.class, () -> store.load("s", 0));
        assertThrows(IllegalArgumentException.class, () -> store.load(" ", 1));
        assertThrows(IllegalArgumentException.class, () -> store.readAfter(-1, 10));
    }

    @Test
    void loadAsOfGivesTheStreamAsItStoodThen() {
        UUID intake = UUID.randomUUID();
        Instant monday = Instant.parse("2026-03-02T09:00:00Z");
        append(intake.toString(), 0, NewEvent.of(Events.incomplete(intake, 1, monday), EventMetadata.by("i.jones")));
        append(
                intake.toString(),
                1,
                NewEvent.of(Events.incomplete(intake, 2, monday.plusSeconds(86_400)), EventMetadata.by("i.jones")));

        List<StoredEvent> asOfMonday = Reactive.await(
                () -> Panache.withSession(() -> store.loadAsOf(intake.toString(), monday.plusSeconds(3_600))));
        assertEquals(1, asOfMonday.size());
        assertEquals(1, ((IntakeIncomplete) asOfMonday.get(0).event()).attempt());
    }

    @Test
    void readsAllEventsAfterAPositionForCatchUp() {
        UUID intake = UUID.randomUUID();
        AppendResult written = append(intake.toString(), 0, newIncomplete(intake, 1), newIncomplete(intake, 2));
        long before = written.events().get(0).position() - 1;
        List<StoredEvent> after = Reactive.await(() -> Panache.withSession(() -> store.readAfter(before, 2)));
        assertEquals(
                written.events().stream().map(StoredEvent::eventId).collect(Collectors.toList()),
                after.stream().map(StoredEvent::eventId).collect(Collectors.toList()));
    }
}
