package io.lanes.subscription;

import static io.restassured.RestAssured.given;

import io.lanes.contracts.CloudEvent;
import io.lanes.contracts.CloudEventCodec;
import io.lanes.contracts.LanesEvent;
import io.lanes.contracts.Topic;
import io.lanes.contracts.matter.Budget;
import io.lanes.contracts.matter.EscalationCause;
import io.lanes.contracts.matter.EscalationRaised;
import io.lanes.contracts.matter.HandoffAccepted;
import io.lanes.contracts.matter.HandoffReceived;
import io.lanes.contracts.matter.MilestoneSlipped;
import io.lanes.contracts.matter.PlannedMilestone;
import io.lanes.contracts.matter.Severity;
import io.lanes.testing.LanesInfra;
import io.lanes.testing.TopicWriter;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;

/** Matters on the real broker and subscriptions through the API, for the delivery tests. */
final class SubscriptionFixture {

    private static final TopicWriter WRITER = TopicWriter.of();

    /** A matter of a team, whose events the tests publish in its stream order. */
    static final class Matter {

        final UUID id = UUID.randomUUID();
        final String team;
        private final AtomicLong sequence = new AtomicLong();

        Matter(String matterType, String team) {
            this.team = team;
            publish(new HandoffReceived(id, UUID.randomUUID(), 1, "employment", matterType, team, Instant.now()));
        }

        /** Publishes the event on lanes.matter.v1; its ce_id. */
        UUID publish(LanesEvent event) {
            UUID eventId = UUID.randomUUID();
            WRITER.send(CloudEventCodec.toRecord(
                    Topic.MATTER.topicName(), CloudEvent.of(event, eventId, sequence.incrementAndGet())));
            return eventId;
        }

        UUID slip() {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            return publish(new MilestoneSlipped(
                    id,
                    UUID.randomUUID(),
                    "pleadings",
                    "Pleadings",
                    today.minusDays(2),
                    today,
                    2,
                    "a.chen",
                    "L200",
                    false,
                    UUID.randomUUID(),
                    Instant.now()));
        }

        /** Accepts the matter with these milestones, as its PM {@code pm}; the matter number is MN-<id prefix>. */
        UUID accept(String pm, PlannedMilestone... milestones) {
            return publish(new HandoffAccepted(
                    id,
                    number(),
                    UUID.randomUUID(),
                    Instant.now(),
                    pm,
                    "employment",
                    "employment-dispute",
                    team,
                    "r.attorney",
                    1,
                    true,
                    "USD",
                    new Budget(new BigDecimal("10000"), List.of()),
                    List.of(milestones),
                    List.of(),
                    LocalDate.now(ZoneOffset.UTC).plusMonths(6),
                    List.of(),
                    Instant.now()));
        }

        String number() {
            return "MN-" + id.toString().substring(0, 8);
        }

        UUID raise(Severity severity) {
            return publish(new EscalationRaised(
                    id,
                    UUID.randomUUID(),
                    EscalationCause.BUDGET_VARIANCE,
                    severity,
                    "TOTAL",
                    "a.chen",
                    Instant.now()));
        }
    }

    private SubscriptionFixture() {}

    /** A matter whose handoff the service has read: its consumer is up and the matter's team is known. */
    static Matter knownMatter(String team) {
        Matter matter = new Matter("employment-dispute", team);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> LanesInfra.get()
                                .database()
                                .queryLong("SELECT count(*) FROM matter_profile WHERE matter_id = ?", matter.id)
                        == 1);
        return matter;
    }

    /** Subscribes {@code url} as the token's user; the answer's JSON (subscription and secret). */
    static JsonPath subscribe(String token, String url, List<String> types, Map<String, String> filter) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("url", url, "types", types, "filter", filter))
                .when()
                .post("/subscriptions")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }
}
