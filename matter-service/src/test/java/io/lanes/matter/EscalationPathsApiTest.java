package io.lanes.matter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.lanes.contracts.EventSchemas;
import io.lanes.contracts.EventType;
import io.lanes.contracts.Topic;
import io.lanes.contracts.matter.EscalationCause;
import io.lanes.contracts.opsconfig.PlaybookPublished.EscalationPath;
import io.lanes.contracts.opsconfig.PlaybookPublished.EscalationStep;
import io.lanes.contracts.opsconfig.PlaybookPublished.Thresholds;
import io.lanes.matter.service.Detection;
import io.lanes.testing.DevTokens;
import io.lanes.testing.LanesInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Escalations over the real broker with a playbook whose hours are seconds: a slip goes up its path
 * once, a waiting handoff, an approaching hard deadline and a blocked task each escalate once, however
 * many detection passes run at the same time (as two matter-service instances would).
 */
@QuarkusTest
@QuarkusTestResource(LanesInfraResource.class)
class EscalationPathsApiTest {

    private static final String MATTER_TYPE = "escalation-paths";
    private static final String PM = DevTokens.forUser("p.patel", "pm");
    /** Two seconds, in hours (the tests wait three). */
    private static final BigDecimal TWO_SECONDS = new BigDecimal("0.00056");

    @Inject
    Detection detection;

    @BeforeAll
    static void playbookWithFastPaths() {
        MatterFixture.publishPlaybook(
                MATTER_TYPE,
                new Thresholds(new BigDecimal("80"), new BigDecimal("100"), 0, 14, 24, TWO_SECONDS, 7),
                List.of(
                        new EscalationPath(
                                EscalationCause.MILESTONE_SLIPPED,
                                List.of(
                                        new EscalationStep(BigDecimal.ZERO, "pm"),
                                        new EscalationStep(TWO_SECONDS, "responsibleAttorney"),
                                        new EscalationStep(new BigDecimal("1000"), "teamLead"))),
                        new EscalationPath(
                                EscalationCause.HANDOFF_WAITING,
                                List.of(new EscalationStep(BigDecimal.ZERO, "teamLead")))));
    }

    @Test
    void aSlipStillOpenAfterItsStepsHoursGoesToTheNextPersonExactlyOnce() throws Exception {
        UUID matter = MatterFixture.openMatter(MATTER_TYPE, new BigDecimal("10000.00"));
        planMilestone(matter, MatterFixture.today().minusDays(3), false);
        detectTwiceAtOnce();
        JsonNode raised = raised(matter, EscalationCause.MILESTONE_SLIPPED);
        assertEquals("p.patel", raised.get("assignedTo").asText());

        Instant due = Instant.parse(raised.get("occurredAt").asText()).plusSeconds(3);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> Instant.now().isAfter(due));
        detectTwiceAtOnce();
        detectTwiceAtOnce();

        List<JsonNode> reassigned = MatterFixture.events(matter, EventType.ESCALATION_REASSIGNED, 1, Topic.MATTER);
        assertEquals(1, reassigned.size());
        JsonNode event = reassigned.get(0);
        assertEquals(List.of(), EventSchemas.violations(EventType.ESCALATION_REASSIGNED, event));
        assertEquals(
                raised.get("escalationId").asText(), event.get("escalationId").asText());
        assertEquals(2, event.get("level").asInt());
        assertEquals("p.patel", event.get("previousAssignee").asText());
        assertEquals("a.chen", event.get("assignedTo").asText());
        assertEquals("UNRESOLVED_TIMEOUT", event.get("reason").asText());
        assertEquals(
                1,
                MatterFixture.events(matter, EventType.ESCALATION_REASSIGNED, 1, Topic.ESCALATIONS)
                        .size(),
                "PM tools hear of it once on lanes.escalations.v1");
        given().auth()
                .oauth2(PM)
                .get("/matters/" + matter)
                .then()
                .body("openEscalations.find { it.cause == 'MILESTONE_SLIPPED' }.assignedTo", equalTo("a.chen"))
                .body("openEscalations.find { it.cause == 'MILESTONE_SLIPPED' }.level", equalTo(2));
    }

    @Test
    void aHandoffLeftWaitingEscalatesOnceAndAcceptingItResolvesTheEscalation() throws Exception {
        UUID matter = MatterFixture.handoff(MATTER_TYPE, new BigDecimal("5000.00"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> Instant.now().isAfter(submittedAt(matter).plusSeconds(3)));
        detectTwiceAtOnce();
        detectTwiceAtOnce();
        JsonNode raised = raised(matter, EscalationCause.HANDOFF_WAITING);
        assertEquals("a.chen", raised.get("assignedTo").asText(), "no team lead set: the responsible attorney");

        MatterFixture.acceptWhenReady(matter, PM);
        JsonNode resolved = MatterFixture.events(matter, EventType.ESCALATION_RESOLVED, 1, Topic.MATTER)
                .get(0);
        assertEquals(
                raised.get("escalationId").asText(),
                resolved.get("escalationId").asText());
        assertEquals("lanes", resolved.get("resolvedBy").asText());
    }

    @Test
    void aHardDeadlineDrawingNearEscalatesOnce() throws Exception {
        UUID matter = MatterFixture.openMatter(MATTER_TYPE, new BigDecimal("10000.00"));
        String milestone = planMilestone(matter, MatterFixture.today().plusDays(3), true);
        detectTwiceAtOnce();
        detectTwiceAtOnce();
        JsonNode raised = raised(matter, EscalationCause.DEADLINE_APPROACHING);
        assertEquals(milestone, raised.get("relatedId").asText());
        assertEquals("CRITICAL", raised.get("severity").asText());
    }

    @Test
    void aBlockedTaskEscalatesOnceReachesPmToolsAndCanBeHandedOver() {
        UUID matter = MatterFixture.openMatter(MATTER_TYPE, new BigDecimal("10000.00"));
        String hold = MatterFixture.litigationHold(matter);
        for (int attempt = 0; attempt < 2; attempt++) {
            given().auth()
                    .oauth2(PM)
                    .contentType(ContentType.JSON)
                    .body("{\"reason\":\"The client has not named its custodians\"}")
                    .post("/matters/" + matter + "/tasks/" + hold + "/block")
                    .then()
                    .statusCode(200)
                    .body("openEscalations.findAll { it.cause == 'TASK_BLOCKED' }.size()", equalTo(1));
        }
        JsonNode blocked = MatterFixture.events(matter, EventType.TASK_BLOCKED, 1, Topic.ESCALATIONS)
                .get(0);
        assertEquals(List.of(), EventSchemas.violations(EventType.TASK_BLOCKED, blocked));
        assertEquals("a.chen", blocked.get("assignee").asText());
        assertEquals(
                1,
                MatterFixture.events(matter, EventType.TASK_BLOCKED, 1, Topic.MATTER)
                        .size());
        JsonNode raised = raised(matter, EscalationCause.TASK_BLOCKED);
        String escalation = raised.get("escalationId").asText();
        assertEquals(blocked.get("escalationId").asText(), escalation);

        given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body("{\"assignTo\":\"j.doe\"}")
                .post("/matters/" + matter + "/escalations/" + escalation + "/reassign")
                .then()
                .statusCode(200)
                .body("openEscalations.find { it.cause == 'TASK_BLOCKED' }.assignedTo", equalTo("j.doe"));
        JsonNode handedOver = MatterFixture.events(matter, EventType.ESCALATION_REASSIGNED, 1, Topic.ESCALATIONS)
                .get(0);
        assertEquals("MANUAL", handedOver.get("reason").asText());
        // A hand-over keeps the escalation's step: the first, here, which the contract's schema allows.
        assertEquals(1, handedOver.get("level").asInt());
        assertEquals(List.of(), EventSchemas.violations(EventType.ESCALATION_REASSIGNED, handedOver));
        assertEquals("p.patel", handedOver.get("previousAssignee").asText(), "no path for TASK_BLOCKED: the pm");
        given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/matters/" + matter + "/tasks/" + hold + "/complete")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body("{\"assignTo\":\"k.lee\"}")
                .post("/matters/" + matter + "/escalations/" + escalation + "/reassign")
                .then()
                .statusCode(409)
                .body("rule", equalTo("ESCALATION_ALREADY_RESOLVED"));
        given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/matters/" + matter + "/tasks/" + UUID.randomUUID() + "/block")
                .then()
                .statusCode(400);
    }

    /** The one escalation of {@code cause} on the matter topic (failing if there are two). */
    private static JsonNode raised(UUID matter, EscalationCause cause) {
        List<JsonNode> raised = MatterFixture.events(matter, EventType.ESCALATION_RAISED, 1, Topic.MATTER).stream()
                .filter(e -> cause.name().equals(e.get("cause").asText()))
                .collect(Collectors.toList());
        assertEquals(1, raised.size(), "one " + cause);
        assertEquals(List.of(), EventSchemas.violations(EventType.ESCALATION_RAISED, raised.get(0)));
        return raised.get(0);
    }

    private static String planMilestone(UUID matter, LocalDate due, boolean hardDeadline) {
        return given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body("{\"name\":\"File the motion\",\"dueDate\":\"" + due
                        + "\",\"owner\":\"associate\",\"phase\":\"L200\",\"hardDeadline\":" + hardDeadline + "}")
                .post("/matters/" + matter + "/milestones")
                .then()
                .statusCode(201)
                .extract()
                .path("milestones.find { it.name == 'File the motion' }.id");
    }

    private static Instant submittedAt(UUID matter) {
        return Instant.parse(given().auth()
                .oauth2(PM)
                .get("/handoffs/" + matter)
                .then()
                .extract()
                .path("packet.occurredAt"));
    }

    /** Two passes at the same time, as two instances would run them: the stream version makes one lose. */
    private void detectTwiceAtOnce() throws Exception {
        CompletableFuture<Void> other = CompletableFuture.runAsync(this::detect);
        detect();
        other.get(60, TimeUnit.SECONDS);
    }

    private void detect() {
        try {
            VertxContextSupport.subscribeAndAwait(() -> detection.runOnce());
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
