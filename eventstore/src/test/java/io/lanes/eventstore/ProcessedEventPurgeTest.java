package io.lanes.eventstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lanes.contracts.Topic;
import io.lanes.eventstore.consumer.ProcessedEventPurge;
import io.lanes.testing.LanesInfra;
import io.lanes.testing.LanesInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Dedupe rows live as long as the records they guard: the topics' retention, read from the real
 * broker. lanes.escalations.v1 keeps 90 days; the event topics, ops-config's playbook versions
 * included, keep everything.
 */
@QuarkusTest
@QuarkusTestResource(LanesInfraResource.class)
class ProcessedEventPurgeTest {

    @Inject
    ProcessedEventPurge purge;

    @Test
    void rowsOlderThanEveryTopicTheConsumerReadsArePrunedAndNoOthers() {
        String ninetyDays = consumer(Topic.ESCALATIONS);
        UUID expired = processed(ninetyDays, 91);
        UUID kept = processed(ninetyDays, 89);
        String alsoForever = consumer(Topic.ESCALATIONS, Topic.INTAKE);
        UUID guardedForever = processed(alsoForever, 91);
        String playbooks = consumer(Topic.OPS_CONFIG);
        UUID firstPlaybook = processed(playbooks, 1_000);
        String forever = consumer(Topic.MATTER);
        UUID history = processed(forever, 3_650);

        assertTrue(purge.purgeExpired() >= 1);

        assertEquals(0, rows(ninetyDays, expired), "past the 90 days the topic keeps: no redelivery possible");
        assertEquals(1, rows(ninetyDays, kept));
        assertEquals(1, rows(alsoForever, guardedForever), "it also reads a topic kept for ever");
        assertEquals(1, rows(playbooks, firstPlaybook), "every playbook version is kept for ever");
        assertEquals(1, rows(forever, history));
        assertEquals(0, purge.purgeExpired(), "a second purge finds nothing more");
    }

    private static String consumer(Topic... topics) {
        String consumer = "purge-" + UUID.randomUUID();
        for (Topic topic : topics) {
            LanesInfra.get()
                    .database()
                    .queryLong(
                            "WITH p AS (INSERT INTO lanes_consumer_progress (consumer, topic, kafka_partition, "
                                    + "next_offset) VALUES (?, ?, 0, 1) RETURNING 1) SELECT count(*) FROM p",
                            consumer,
                            topic.topicName());
        }
        return consumer;
    }

    private static UUID processed(String consumer, int daysAgo) {
        UUID ceId = UUID.randomUUID();
        LanesInfra.get()
                .database()
                .queryLong(
                        "WITH p AS (INSERT INTO lanes_processed_event (consumer, ce_id, processed_at) "
                                + "VALUES (?, ?, now() - make_interval(days => ?)) RETURNING 1) SELECT count(*) FROM p",
                        consumer,
                        ceId,
                        daysAgo);
        return ceId;
    }

    private static long rows(String consumer, UUID ceId) {
        return LanesInfra.get()
                .database()
                .queryLong(
                        "SELECT count(*) FROM lanes_processed_event WHERE consumer = ? AND ce_id = ?", consumer, ceId);
    }
}
