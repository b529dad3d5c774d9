package io.lanes.eventstore;

import static io.lanes.eventstore.fixture.Events.newIncomplete;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lanes.contracts.CloudEventCodec;
import io.lanes.contracts.Topic;
import io.lanes.eventstore.fixture.Events;
import io.lanes.eventstore.fixture.Reactive;
import io.lanes.eventstore.outbox.OutboxRelay;
import io.lanes.testing.EmbeddedPostgres;
import io.lanes.testing.LanesInfra;
import io.lanes.testing.LanesInfraResource;
import io.lanes.testing.ManagementInterface;
import io.lanes.testing.RecordHeaders;
import io.lanes.testing.TopicReader;
import io.lanes.testing.TopicWriter;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The database goes away: appends fail cleanly, the relay pauses, and both carry on when it is back. */
@QuarkusTest
@QuarkusTestResource(LanesInfraResource.class)
class DatabaseOutageTest {

    @Inject
    EventStore store;

    @Inject
    OutboxRelay relay;

    private void append(UUID intake, int attempt) {
        Reactive.await(() -> Panache.withTransaction(
                () -> store.append(intake.toString(), "intake", attempt - 1, List.of(newIncomplete(intake, attempt)))));
    }

    @Test
    void appendsFailCleanlyAndTheRelayPausesWhileTheDatabaseIsDown() {
        assumeTrue(
                LanesInfra.get().postgres() instanceof EmbeddedPostgres,
                "needs a database this JVM may stop (not one named by LANES_PG_URL)");
        EmbeddedPostgres postgres = (EmbeddedPostgres) LanesInfra.get().postgres();
        UUID intake = UUID.randomUUID();
        append(intake, 1);

        postgres.stop();
        try {
            assertThrows(RuntimeException.class, () -> append(intake, 2));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> relay.lastError() != null);
        } finally {
            postgres.restart();
        }

        Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            append(intake, 2);
            return true;
        });
        try (TopicReader reader = TopicReader.of(Topic.INTAKE.topicName())) {
            reader.await(
                    r -> intake.toString().equals(r.key())
                            && Set.of(CloudEventCodec.sequence(1), CloudEventCodec.sequence(2))
                                    .contains(RecordHeaders.text(r, CloudEventCodec.H_SEQUENCE)),
                    2,
                    Duration.ofSeconds(60));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> relay.lastError() == null);
    }

    /**
     * A record arrives while the database is away for longer than a minute: the consumer neither
     * dead-letters it nor is declared dead (SmallRye's commit strategy would after 60 s without an
     * acknowledgement), and applies it by itself once the database is back.
     */
    @Test
    void aConsumerWaitsOutAnOutageOverAMinuteAndAppliesTheRecordAfterwards() {
        assumeTrue(
                LanesInfra.get().postgres() instanceof EmbeddedPostgres,
                "needs a database this JVM may stop (not one named by LANES_PG_URL)");
        EmbeddedPostgres postgres = (EmbeddedPostgres) LanesInfra.get().postgres();
        UUID intake = UUID.randomUUID();
        postgres.stop();
        try (TopicWriter writer = TopicWriter.of()) {
            writer.publish(Events.incomplete(intake, 1, Instant.now()), 1);
            Awaitility.await("the consumer stays alive through the outage")
                    .during(Duration.ofSeconds(70))
                    .atMost(Duration.ofSeconds(80))
                    .pollInterval(Duration.ofSeconds(5))
                    .until(() ->
                            ManagementInterface.given().get("/q/health/live").statusCode() == 200);
        } finally {
            postgres.restart();
        }
        Awaitility.await("the record applied once the database is back, not dead-lettered")
                .atMost(Duration.ofSeconds(90))
                .ignoreExceptions()
                .until(() -> LanesInfra.get()
                                .database()
                                .queryLong("SELECT applied FROM intake_counter WHERE intake_id = ?", intake)
                        == 1);
    }
}
