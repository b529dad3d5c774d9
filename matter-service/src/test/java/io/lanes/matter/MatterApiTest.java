package io.lanes.matter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.lanes.contracts.EventSchemas;
import io.lanes.contracts.EventType;
import io.lanes.contracts.LanesEvent;
import io.lanes.contracts.Topic;
import io.lanes.matter.domain.BusinessCalendar;
import io.lanes.matter.service.Detection;
import io.lanes.platform.idempotency.IdempotencyKeys;
import io.lanes.testing.DevTokens;
import io.lanes.testing.LanesInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** matter-service over real PostgreSQL and Kafka: packets in from the intake topic, events out to the matter topics. */
@QuarkusTest
@QuarkusTestResource(LanesInfraResource.class)
class MatterApiTest {

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static final String MATTER_TYPE =
            "commercial-litigation-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String PM = DevTokens.forUser("p.patel", "pm");
    private static final String PROBLEM = "application/problem+json";
    private static final BusinessCalendar CALENDAR =
            new BusinessCalendar(Set.of(LocalDate.parse("2026-12-25"), LocalDate.parse("2027-01-01")));

    @Inject
    Detection detection;

    @BeforeAll
    static void playbookPublishedEarlier() {
        MatterFixture.publishPlaybook(MATTER_TYPE);
    }

    private static void publish(LanesEvent event, long sequence) {
        MatterFixture.publish(event, sequence);
    }

    private static UUID handoff(BigDecimal budget) {
        return MatterFixture.handoff(MATTER_TYPE, budget);
    }

    private static UUID openMatter(BigDecimal budget) {
        return MatterFixture.openMatter(MATTER_TYPE, budget);
    }

    private static List<JsonNode> events(UUID matter, EventType type, int atLeast, Topic topic) {
        return MatterFixture.events(matter, type, atLeast, topic);
    }

    @Test
    void aPacketBecomesAPendingHandoffAndAcceptingPlansOnBusinessDays() throws Exception {
        UUID matter = handoff(new BigDecimal("50000.00"));
        given().auth()
                .oauth2(PM)
                .when()
                .get("/handoffs?status=PENDING")
                .then()
                .statusCode(200)
                .body("matterId", hasItem(matter.toString()));
        given().auth()
                .oauth2(PM)
                .when()
                .get("/handoffs/" + matter)
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("packet.matterName", equalTo("Acme v. Globex"));
        events(matter, EventType.HANDOFF_RECEIVED, 1, Topic.MATTER);

        given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body("{\"taskAssignees\":{\"collect-documents\":\"d.kim\"}}")
                .when()
                .post("/handoffs/" + matter + "/accept")
                .then()
                .statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("acceptedBy", equalTo("p.patel"))
                .body("budget.find { it.phase == 'L200' }.budget", equalTo(40000.00f))
                .body("tasks.assignee", contains("a.chen", "d.kim"));

        JsonNode accepted =
                events(matter, EventType.HANDOFF_ACCEPTED, 1, Topic.MATTER).get(0);
        assertEquals(List.of(), EventSchemas.violations(EventType.HANDOFF_ACCEPTED, accepted));
        LocalDate acceptedOn = Instant.parse(accepted.get("occurredAt").asText())
                .atZone(MatterFixture.firmZone())
                .toLocalDate();
        Map<String, String> due = new java.util.HashMap<>();
        accepted.get("milestones")
                .forEach(m -> due.put(m.get("name").asText(), m.get("dueDate").asText()));
        assertEquals(CALENDAR.plusBusinessDays(acceptedOn, 8).toString(), due.get("Initial case assessment"));
        assertEquals(CALENDAR.plusBusinessDays(acceptedOn, 25).toString(), due.get("Pleadings"));
        assertEquals("2027-06-30", due.get("Statute of limitations"));
        assertEquals("2027-06-30", accepted.get("plannedCloseDate").asText());
        // The playbook's tasks: the hold for the responsible attorney under its milestone, the documents
        // for the paralegal the PM named instead of the template's role.
        JsonNode hold = accepted.get("tasks").get(0);
        assertEquals("litigation-hold", hold.get("templateKey").asText());
        assertEquals("a.chen", hold.get("assignee").asText());
        assertEquals(
                CALENDAR.plusBusinessDays(acceptedOn, 2).toString(),
                hold.get("dueDate").asText());
        assertEquals(
                accepted.get("milestones").get(0).get("milestoneId").asText(),
                hold.get("milestoneId").asText());
        assertEquals("d.kim", accepted.get("tasks").get(1).get("assignee").asText());
        assertEquals(
                "[\"task:collect-documents\"]", accepted.get("planOverrides").toString());
    }

    @Test
    void rejectingSendsTheHandoffBackWithReasons() throws Exception {
        UUID matter = handoff(new BigDecimal("10000.00"));
        given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body("{\"reasons\":[{\"code\":\"WRONG_ROUTING\",\"detail\":\"Belongs to the employment team\"}]}")
                .when()
                .post("/handoffs/" + matter + "/reject")
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"));
        JsonNode rejected =
                events(matter, EventType.HANDOFF_REJECTED, 1, Topic.MATTER).get(0);
        assertEquals("WRONG_ROUTING", rejected.get("reasons").get(0).get("code").asText());
        given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/handoffs/" + matter + "/accept")
                .then()
                .statusCode(409)
                .body("rule", equalTo("HANDOFF_NOT_PENDING"));
    }

    @Test
    void aMilestonePlannedInThePastSlipsOnceEvenWhenDetectionRunsTwice() throws Throwable {
        UUID matter = openMatter(new BigDecimal("10000.00"));
        String milestone = given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body("{\"name\":\"Serve initial disclosures\",\"dueDate\":\""
                        + MatterFixture.today().minusDays(10)
                        + "\",\"owner\":\"associate\",\"phase\":\"L200\",\"hardDeadline\":false}")
                .when()
                .post("/matters/" + matter + "/milestones")
                .then()
                .statusCode(201)
                .extract()
                .path("milestones.find { it.name == 'Serve initial disclosures' }.id");

        // Two instances at once (the stream version makes one writer lose), then the next pass.
        var parallel = java.util.concurrent.CompletableFuture.runAsync(() -> runDetection());
        runDetection();
        parallel.get(60, TimeUnit.SECONDS);
        runDetection();

        List<JsonNode> slipped = events(matter, EventType.MILESTONE_SLIPPED, 1, Topic.MATTER);
        assertEquals(1, slipped.size());
        assertEquals(milestone, slipped.get(0).get("milestoneId").asText());
        assertEquals(10, slipped.get(0).get("daysLate").asInt());
        assertEquals(
                1, events(matter, EventType.ESCALATION_RAISED, 1, Topic.MATTER).size());
        List<JsonNode> copies = events(matter, EventType.MILESTONE_SLIPPED, 1, Topic.ESCALATIONS);
        assertEquals(1, copies.size(), "PM tools see it once on lanes.escalations.v1");
        assertEquals(
                1,
                events(matter, EventType.ESCALATION_RAISED, 1, Topic.ESCALATIONS)
                        .size());
    }

    private void runDetection() {
        try {
            VertxContextSupport.subscribeAndAwait(() -> detection.runOnce());
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void budgetAlertsWarnAtEightyPercentConsumedEscalateAtTheWholeBudgetAndReArmAfterARevision() throws Exception {
        UUID matter = openMatter(new BigDecimal("10000.00"));
        // L100's budget is 2,000.00: 1,500 (75 %), 1,700 (85 %, WARNING while under budget), 2,000 (100 %,
        // ESCALATION); revised to 4,000 (50 %, levels re-armed); 3,300 (82.5 %, WARNING against 4,000).
        for (String amount : List.of("1500.00", "200.00", "300.00")) {
            recordTime(matter, amount);
        }
        given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body("{\"phase\":\"L100\",\"amount\":4000,\"reason\":\"Second expert witness added\"}")
                .when()
                .post("/matters/" + matter + "/budget/revisions")
                .then()
                .statusCode(201)
                .body("budget.find { it.phase == 'L100' }.budget", equalTo(4000))
                .body("budget.find { it.phase == 'L100' }.consumedPct", equalTo(50.0f))
                .body("budget.find { it.phase == 'L100' }.levelReported", nullValue())
                .body("budget.find { it.phase == 'L100' }.revisions", equalTo(1))
                .body("budget.find { it.phase == 'TOTAL' }.budget", equalTo(12000.00f));
        recordTime(matter, "1300.00");

        List<JsonNode> variances = events(matter, EventType.BUDGET_VARIANCE, 3, Topic.MATTER);
        assertEquals(
                List.of("WARNING:85.0:-15.0:2000.00", "ESCALATION:100.0:0.0:2000.00", "WARNING:82.5:-17.5:4000"),
                variances.stream()
                        .map(v -> v.get("level").asText() + ":"
                                + v.get("consumedPct").decimalValue().toPlainString() + ":"
                                + v.get("variancePct").decimalValue().toPlainString() + ":"
                                + v.get("budget").decimalValue().toPlainString())
                        .collect(Collectors.toList()));
        List<JsonNode> revisions = events(matter, EventType.BUDGET_REVISED, 2, Topic.MATTER);
        assertEquals(
                List.of("L100:2000.00->4000", "TOTAL:10000.00->12000.00"),
                revisions.stream()
                        .map(r -> r.get("phase").asText() + ":"
                                + r.get("previousAmount").decimalValue().toPlainString() + "->"
                                + r.get("amount").decimalValue().toPlainString())
                        .collect(Collectors.toList()));
        assertEquals("p.patel", revisions.get(0).get("revisedBy").asText());
        assertEquals(List.of(), EventSchemas.violations(EventType.BUDGET_REVISED, revisions.get(0)));
        assertEquals(List.of(), EventSchemas.violations(EventType.BUDGET_VARIANCE, variances.get(2)));
        assertEquals(
                1, events(matter, EventType.ESCALATION_RAISED, 1, Topic.MATTER).size());
        assertEquals(
                3,
                events(matter, EventType.BUDGET_VARIANCE, 3, Topic.ESCALATIONS).size());
        given().auth()
                .oauth2(PM)
                .when()
                .get("/matters/" + matter)
                .then()
                .statusCode(200)
                .body("openEscalations[0].cause", equalTo("BUDGET_VARIANCE"))
                .body("budget.find { it.phase == 'L100' }.actual", equalTo(3300.00f))
                .body("budget.find { it.phase == 'L100' }.levelReported", equalTo("WARNING"));
    }

    @Test
    void aRevisionThatChangesNothingOrNamesNoPhaseOfTheMatterIsRefused() {
        UUID matter = openMatter(new BigDecimal("10000.00"));
        given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body("{\"phase\":\"L100\",\"amount\":2000.00,\"reason\":\"Same again\"}")
                .post("/matters/" + matter + "/budget/revisions")
                .then()
                .statusCode(409)
                .body("rule", equalTo("BUDGET_UNCHANGED"));
        given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body("{\"phase\":\"L900\",\"amount\":10,\"reason\":\"No such phase\"}")
                .post("/matters/" + matter + "/budget/revisions")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("phase"));
        given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body("{\"phase\":\"TOTAL\",\"amount\":0}")
                .post("/matters/" + matter + "/budget/revisions")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("amount", "reason"));
        given().auth()
                .oauth2(PM)
                .when()
                .get("/matters/" + matter)
                .then()
                .body("budget.find { it.phase == 'TOTAL' }.revisions", equalTo(0));
    }

    @Test
    void aRetriedTimeEntryWithTheSameIdempotencyKeyIsRecordedOnce() {
        UUID matter = openMatter(new BigDecimal("10000.00"));
        String key = UUID.randomUUID().toString();
        String entry = "{\"timekeeper\":\"a.chen\",\"timekeeperRole\":\"ATTORNEY\",\"workDate\":\""
                + MatterFixture.today() + "\",\"hours\":1.5,\"amount\":450.00,\"phase\":\"L100\","
                + "\"billable\":true,\"admin\":false}";
        int revision = postTime(matter, key, entry)
                .then()
                .statusCode(201)
                .header(IdempotencyKeys.REPLAYED_HEADER, nullValue())
                .extract()
                .path("revision");
        postTime(matter, key, entry)
                .then()
                .statusCode(201)
                .header(IdempotencyKeys.REPLAYED_HEADER, equalTo("true"))
                .body("revision", equalTo(revision))
                .body("budget.find { it.phase == 'L100' }.actual", equalTo(450.00f));
        postTime(matter, key, entry.replace("450.00", "500.00"))
                .then()
                .statusCode(422)
                .body("type", equalTo("urn:lanes:problem:idempotency-key-reused"));
        given().auth()
                .oauth2(PM)
                .when()
                .get("/matters/" + matter + "/events")
                .then()
                .statusCode(200)
                .body("findAll { it.type == 'io.lanes.time-recorded.v1' }.size()", equalTo(1));
        given().auth()
                .oauth2(PM)
                .when()
                .get("/matters/" + matter)
                .then()
                .body("revision", equalTo(revision))
                .body("budget.find { it.phase == 'L100' }.actual", equalTo(450.00f));
    }

    private static Response postTime(UUID matter, String key, String entry) {
        return given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .header(IdempotencyKeys.HEADER, key)
                .body(entry)
                .when()
                .post("/matters/" + matter + "/time-entries");
    }

    private static void recordTime(UUID matter, String amount) {
        given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body("{\"timekeeper\":\"a.chen\",\"timekeeperRole\":\"ATTORNEY\",\"workDate\":\""
                        + MatterFixture.today() + "\",\"hours\":2.5,\"amount\":" + amount
                        + ",\"phase\":\"L100\",\"taskCode\":\"L110\",\"activityCode\":\"A101\",\"billable\":true,"
                        + "\"admin\":false}")
                .when()
                .post("/matters/" + matter + "/time-entries")
                .then()
                .statusCode(201);
    }

    @Test
    void asOfReturnsTheEarlierPlanAfterAReplan() throws Exception {
        UUID matter = openMatter(new BigDecimal("10000.00"));
        var before = given().auth()
                .oauth2(PM)
                .when()
                .get("/matters/" + matter)
                .then()
                .statusCode(200)
                .extract();
        String milestone = before.path("milestones[0].id");
        String originalDue = before.path("milestones[0].dueDate");
        Instant beforeReplan = Instant.now();
        Awaitility.await()
                .atMost(Duration.ofSeconds(2))
                .until(() -> Instant.now().isAfter(beforeReplan));

        given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body("{\"dueDate\":\"2027-03-01\",\"reason\":\"Court rescheduled the conference\"}")
                .when()
                .put("/matters/" + matter + "/milestones/" + milestone + "/due-date")
                .then()
                .statusCode(200)
                .body("milestones.find { it.id == '" + milestone + "' }.dueDate", equalTo("2027-03-01"));

        given().auth()
                .oauth2(PM)
                .queryParam("asOf", beforeReplan.toString())
                .when()
                .get("/matters/" + matter)
                .then()
                .statusCode(200)
                .body("milestones.find { it.id == '" + milestone + "' }.dueDate", equalTo(originalDue));
        given().auth()
                .oauth2(PM)
                .when()
                .get("/matters/" + matter + "/events")
                .then()
                .statusCode(200)
                .body("type", hasItem("io.lanes.milestone-replanned.v1"));
    }

    @Test
    void aPmCannotMoveAHardDeadlineButAnAdminMayCorrectIt() {
        UUID matter = openMatter(new BigDecimal("10000.00"));
        String statute =
                given().auth().oauth2(PM).get("/matters/" + matter).path("milestones.find { it.hardDeadline }.id");
        String move = "{\"dueDate\":\"2027-09-30\",\"reason\":\"Client asked for more time\"}";
        given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body(move)
                .put("/matters/" + matter + "/milestones/" + statute + "/due-date")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("rule", equalTo("HARD_DEADLINE_FIXED"))
                .body("errors.field", hasItem("dueDate"));
        given().auth()
                .oauth2(DevTokens.forUser("admin.user", "admin"))
                .contentType(ContentType.JSON)
                .body("{\"dueDate\":\"2027-07-30\",\"reason\":\"Entered a month early by mistake\"}")
                .put("/matters/" + matter + "/milestones/" + statute + "/due-date")
                .then()
                .statusCode(200)
                .body("milestones.find { it.hardDeadline }.dueDate", equalTo("2027-07-30"));
        JsonNode replanned =
                events(matter, EventType.MILESTONE_REPLANNED, 1, Topic.MATTER).get(0);
        assertEquals("admin.user", replanned.get("replannedBy").asText());
        assertEquals("Entered a month early by mistake", replanned.get("reason").asText());
    }

    @Test
    void staleVersionsAndBrokenRulesAreRefused() throws Exception {
        UUID matter = openMatter(new BigDecimal("10000.00"));
        var current = given().auth()
                .oauth2(PM)
                .when()
                .get("/matters/" + matter)
                .then()
                .extract();
        String etag = current.header("ETag");
        String milestone = current.path("milestones[0].id");
        given().auth()
                .oauth2(PM)
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/matters/" + matter + "/milestones/" + milestone + "/complete")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(PM)
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body("{\"summary\":\"Weekly update\"}")
                .when()
                .post("/matters/" + matter + "/status-updates")
                .then()
                .statusCode(412)
                .contentType(PROBLEM);
        given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/matters/" + matter + "/milestones/" + milestone + "/complete")
                .then()
                .statusCode(409)
                .body("rule", equalTo("MILESTONE_ALREADY_COMPLETED"));
    }

    @Test
    void theRestOfTheMattersLifeTasksUpdatesEscalationsWriteDownsFeedbackAndClose() throws Throwable {
        UUID matter = openMatter(new BigDecimal("10000.00"));
        String today = MatterFixture.today().toString();
        String task = given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body("{\"title\":\"Draft the complaint\",\"assignee\":\"j.okafor\",\"dueDate\":\"" + today + "\"}")
                .when()
                .post("/matters/" + matter + "/tasks")
                .then()
                .statusCode(201)
                .extract()
                .path("tasks.find { it.title == 'Draft the complaint' }.id");
        given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/matters/" + matter + "/tasks/" + task + "/complete")
                .then()
                .statusCode(200)
                .body("tasks.find { it.id == '" + task + "' }.completedOn", equalTo(today));
        given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body("{\"summary\":\"Pleadings on track\"}")
                .when()
                .post("/matters/" + matter + "/status-updates")
                .then()
                .statusCode(201);
        JsonNode update =
                events(matter, EventType.STATUS_UPDATE_SENT, 1, Topic.MATTER).get(0);
        assertEquals(true, update.get("onTime").asBoolean());

        String milestone = given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body("{\"name\":\"Overdue filing\",\"dueDate\":\""
                        + MatterFixture.today().minusDays(5)
                        + "\",\"owner\":\"associate\",\"phase\":\"L100\",\"hardDeadline\":true}")
                .when()
                .post("/matters/" + matter + "/milestones")
                .then()
                .statusCode(201)
                .extract()
                .path("milestones.find { it.name == 'Overdue filing' }.id");
        VertxContextSupport.subscribeAndAwait(() -> detection.runOnce());
        assertEquals(
                1, events(matter, EventType.DEADLINE_MISSED, 1, Topic.MATTER).size());
        String escalation = given().auth()
                .oauth2(PM)
                .when()
                .get("/matters/" + matter)
                .then()
                .statusCode(200)
                .extract()
                .path("openEscalations.find { it.relatedId == '" + milestone + "' }.id");
        given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body("{\"resolution\":\"Filed late with leave\"}")
                .when()
                .post("/matters/" + matter + "/escalations/" + escalation + "/resolve")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body("{\"resolution\":\"again\"}")
                .when()
                .post("/matters/" + matter + "/escalations/" + escalation + "/resolve")
                .then()
                .statusCode(409)
                .body("rule", equalTo("ESCALATION_ALREADY_RESOLVED"));
        assertEquals(
                1,
                events(matter, EventType.ESCALATION_RESOLVED, 1, Topic.ESCALATIONS)
                        .size());

        given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body("{\"amount\":1200.00,\"cause\":\"PROCESS_FAILURE\",\"note\":\"Duplicate research\"}")
                .when()
                .post("/matters/" + matter + "/write-downs")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body("{\"score\":4}")
                .when()
                .post("/matters/" + matter + "/client-feedback")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body("{\"score\":6}")
                .when()
                .post("/matters/" + matter + "/client-feedback")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body("{\"outcome\":\"SETTLED\"}")
                .when()
                .post("/matters/" + matter + "/close")
                .then()
                .statusCode(200)
                .body("status", equalTo("CLOSED"));
        given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body("{\"timekeeper\":\"a.chen\",\"timekeeperRole\":\"ATTORNEY\",\"workDate\":\"" + today
                        + "\",\"hours\":1,\"amount\":100,\"phase\":\"L100\",\"billable\":true,\"admin\":false}")
                .when()
                .post("/matters/" + matter + "/time-entries")
                .then()
                .statusCode(409)
                .body("rule", equalTo("MATTER_NOT_OPEN"));
        for (EventType type : List.of(
                EventType.TASK_ASSIGNED,
                EventType.TASK_COMPLETED,
                EventType.WRITE_DOWN_RECORDED,
                EventType.CLIENT_FEEDBACK_RECORDED,
                EventType.MATTER_CLOSED)) {
            JsonNode event = events(matter, type, 1, Topic.MATTER).get(0);
            assertEquals(List.of(), EventSchemas.violations(type, event), type.ceType());
        }
    }

    @Test
    void badRequestsAndAuth() throws Exception {
        UUID matter = openMatter(new BigDecimal("10000.00"));
        String entry = "{\"timekeeper\":\"a.chen\",\"timekeeperRole\":\"ATTORNEY\",\"workDate\":\"2026-03-02\","
                + "\"hours\":1,\"amount\":100,\"phase\":\"L900\",\"billable\":true,\"admin\":false}";
        given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body(entry)
                .when()
                .post("/matters/" + matter + "/time-entries")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("phase"));
        given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body(entry.replace("L900", "L100").replace("\"billable\"", "\"activityCode\":\"A999\",\"billable\""))
                .when()
                .post("/matters/" + matter + "/time-entries")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("activityCode"));
        given().auth()
                .oauth2(PM)
                .when()
                .get("/matters/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        given().when().get("/matters/" + matter).then().statusCode(401);
        given().auth()
                .oauth2(DevTokens.forRole("intake"))
                .when()
                .get("/matters/" + matter)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body("{\"reasons\":[]}")
                .when()
                .post("/handoffs/" + matter + "/reject")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reasons"));
    }
}
