package io.lanes.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lanes.subscription.service.NoticePurge;
import io.lanes.testing.LanesInfra;
import io.lanes.testing.LanesInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The store of escalation events keeps 90 days, and never a notice whose delivery is still pending. */
@QuarkusTest
@QuarkusTestResource(LanesInfraResource.class)
class NoticePurgeTest {

    @Inject
    NoticePurge purge;

    private static UUID notice(Connection db, int daysAgo) throws Exception {
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO notice (event_id, matter_id, ce_type, "
                        + "occurred_at, body) VALUES (?, ?, 'io.lanes.task-blocked.v1', now() - make_interval(days => ?), '{}')")) {
            insert.setObject(1, id);
            insert.setObject(2, UUID.randomUUID());
            insert.setInt(3, daysAgo);
            insert.executeUpdate();
        }
        return id;
    }

    private static void delivery(Connection db, UUID subscription, UUID event, String status) throws Exception {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO delivery (subscription_id, event_id, "
                + "matter_id, seq, status, created_at) SELECT ?, event_id, matter_id, seq, ?, now() FROM notice "
                + "WHERE event_id = ?")) {
            insert.setObject(1, subscription);
            insert.setString(2, status);
            insert.setObject(3, event);
            insert.executeUpdate();
        }
    }

    private static long count(String table, UUID event) {
        return LanesInfra.get().database().queryLong("SELECT count(*) FROM " + table + " WHERE event_id = ?", event);
    }

    @Test
    void oldNoticesGoWithTheirLogUnlessADeliveryIsPending() throws Throwable {
        UUID subscription = UUID.randomUUID();
        UUID delivered;
        UUID pending;
        UUID recent;
        try (Connection db = LanesInfra.get().database().connect()) {
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO subscription (id, owner, url, types, "
                    + "status, secret, created_at, version) VALUES (?, 'p.moss', 'https://pm.example.com', "
                    + "'io.lanes.task-blocked.v1', 'ACTIVE', 'whsec_AA==', now(), 1)")) {
                insert.setObject(1, subscription);
                insert.executeUpdate();
            }
            delivered = notice(db, 91);
            pending = notice(db, 91);
            recent = notice(db, 89);
            delivery(db, subscription, delivered, "DELIVERED");
            delivery(db, subscription, pending, "PENDING");
            delivery(db, subscription, recent, "DELIVERED");
        }

        VertxContextSupport.subscribeAndAwait(() -> purge.purge());

        assertEquals(0, count("notice", delivered) + count("delivery", delivered));
        assertEquals(2, count("notice", pending) + count("delivery", pending));
        assertEquals(2, count("notice", recent) + count("delivery", recent));
    }
}
