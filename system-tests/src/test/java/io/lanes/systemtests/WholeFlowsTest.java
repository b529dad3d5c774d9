package io.lanes.systemtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lanes.contracts.CloudEventCodec;
import io.lanes.contracts.EventJson;
import io.lanes.contracts.EventType;
import io.lanes.contracts.MatterIds;
import io.lanes.contracts.Topic;
import io.lanes.testing.DevTokens;
import io.lanes.testing.LanesInfra;
import io.lanes.testing.RecordHeaders;
import io.lanes.testing.TopicReader;
import io.lanes.testing.TopicWriter;
import io.lanes.testing.WebhookReceiver;
import io.lanes.testing.WebhookReceiver.Received;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The four services as separate processes, as {@code deploy/local/run} starts them, on the real broker
 * and PostgreSQL, driven over HTTP and Kafka only; then the fault runs: Kafka stopped for 30 s during a
 * stream of intakes, kpi-service killed mid-stream.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WholeFlowsTest {

    private static final String INTAKE = DevTokens.forUser("i.jones", "intake");
    private static final String PM = DevTokens.forUser("p.patel", "pm");
    private static final String OPS = DevTokens.forUser("o.ramirez", "ops");
    private static final String LEADERSHIP = DevTokens.forUser("l.moreau", "leadership");
    private static final String ADMIN = DevTokens.forUser("a.admin", "admin");

    private static LanesSystem system;
    private static ServiceProcess ops;
    private static ServiceProcess intake;
    private static ServiceProcess matter;
    private static ServiceProcess kpi;
    private static ServiceProcess subscriptions;
    private static final WebhookReceiver RECEIVER = WebhookReceiver.start();
    /** The matter of the first flow, which the next one slips again. */
    private static UUID firstMatter;

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeAll
    static void startTheSystem() {
        system = LanesSystem.start();
        ops = system.ops;
        intake = system.intake;
        matter = system.matter;
        kpi = system.kpi;
        subscriptions = system.subscriptions;
    }

    @AfterAll
    static void stopTheSystem() {
        if (system != null) {
            system.close();
        }
        RECEIVER.close();
    }

    private static RequestSpecification as(String token, ServiceProcess service) {
        return given().baseUri(service.baseUrl()).auth().oauth2(token);
    }

    /** Creates an intake once intake-service knows the matter type's playbook; returns its id. */
    private static String create(String body) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> as(INTAKE, intake)
                                .contentType(ContentType.JSON)
                                .body(body)
                                .post("/intakes"),
                        r -> r.statusCode() == 201)
                .path("id");
    }

    private static UUID submitAndAwaitHandoff(String intakeId, int attempt) {
        as(INTAKE, intake)
                .post("/intakes/" + intakeId + "/submit")
                .then()
                .statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("attempts", equalTo(attempt));
        UUID matterId = MatterIds.fromIntake(UUID.fromString(intakeId));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            var handoff = as(PM, matter).get("/handoffs/" + matterId);
            return handoff.statusCode() == 200
                    && "PENDING".equals(handoff.path("status"))
                    && Integer.valueOf(attempt).equals(handoff.path("packet.attempt"));
        });
        return matterId;
    }

    @Test
    @Order(1)
    void anIntakeBecomesAMatterWhoseSlipAPlainKafkaConsumerAndASubscribedWebhookSee() {
        String secret = subscribe("/slips");
        String intakeId = create(ContractReviewIntake.json("contract-review", "Acme MSA with Globex"));
        UUID matterId = submitAndAwaitHandoff(intakeId, 1);
        as(PM, matter)
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/handoffs/" + matterId + "/accept")
                .then()
                .statusCode(200)
                .body("status", equalTo("OPEN"));
        as(PM, matter)
                .contentType(ContentType.JSON)
                .body("{\"name\":\"Redline from counterparty\",\"dueDate\":\""
                        + LocalDate.now(ZoneOffset.UTC).minusDays(7) + "\",\"owner\":\"associate\",\"phase\":\"P200\"}")
                .post("/matters/" + matterId + "/milestones")
                .then()
                .statusCode(201);

        try (TopicReader escalations = TopicReader.of(Topic.ESCALATIONS.topicName())) {
            var slipped = escalations.await(
                    r -> matterId.toString().equals(r.key())
                            && EventType.MILESTONE_SLIPPED
                                    .ceType()
                                    .equals(RecordHeaders.text(r, CloudEventCodec.H_TYPE)),
                    1,
                    Duration.ofSeconds(60));
            assertEquals(1, slipped.size());
            // ... the PM tool's webhook gets the same event, signed, its ce_id as the webhook-id.
            Received delivery = awaitDelivery("/slips", 1).get(0);
            assertEquals(RecordHeaders.text(slipped.get(0), CloudEventCodec.H_ID), delivery.header("webhook-id"));
            assertTrue(delivery.signedWith(secret));
        }
        firstMatter = matterId;
        // ... and the scorecards reflect it: the matter's PM view, and the PM scorecard's milestone KPI.
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> Integer.valueOf(1)
                        .equals(as(PM, kpi)
                                .get("/matters/" + matterId + "/scorecard")
                                .path("milestones.slipped")));
        as(LEADERSHIP, kpi)
                .get("/scorecards/pm?matterType=contract-review")
                .then()
                .statusCode(200)
                .body("kpis.find { it.key == 'onTimeMilestoneRate' }.numerator", equalTo(0))
                .body("kpis.find { it.key == 'onTimeMilestoneRate' }.denominator", equalTo(1))
                .body("kpis.find { it.key == 'onTimeMilestoneRate' }.status", equalTo("OFF_TARGET"));
        as(LEADERSHIP, kpi)
                .get("/scorecards/ops?matterType=contract-review")
                .then()
                .statusCode(200)
                .body("kpis.find { it.key == 'intakeToOpenHours' }.sampleSize", equalTo(1));
    }

    @Test
    @Order(2)
    void aWebhookDeliveryOutlivesASubscriptionServiceKilledBetweenTwoAttempts() {
        RECEIVER.answer("/after-crash", 500);
        subscribe("/after-crash");
        as(PM, matter)
                .contentType(ContentType.JSON)
                .body("{\"name\":\"Signature pages\",\"dueDate\":\""
                        + LocalDate.now(ZoneOffset.UTC).minusDays(3) + "\",\"owner\":\"associate\",\"phase\":\"P300\"}")
                .post("/matters/" + firstMatter + "/milestones")
                .then()
                .statusCode(201);
        String webhookId = awaitDelivery("/after-crash", 1).get(0).header("webhook-id");

        subscriptions.kill();
        subscriptions.start(LanesSystem.REPOSITORY);
        subscriptions.awaitReady();

        List<Received> attempts = awaitDelivery("/after-crash", 2);
        assertEquals(
                List.of(webhookId, webhookId),
                attempts.stream().map(r -> r.header("webhook-id")).toList());
    }

    /** Subscribes the test's receiver at {@code path} to contract-review slips; the signing secret. */
    private static String subscribe(String path) {
        return as(PM, subscriptions)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "url",
                        RECEIVER.url(path),
                        "types",
                        List.of("milestone-slipped"),
                        "filter",
                        Map.of("matterType", "contract-review")))
                .post("/subscriptions")
                .then()
                .statusCode(201)
                .extract()
                .path("secret");
    }

    private static List<Received> awaitDelivery(String path, int count) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> RECEIVER.received(path).size() >= count);
        return RECEIVER.received(path);
    }

    @Test
    @Order(3)
    void aRejectedHandoffIsReworkedResubmittedAndAccepted() {
        String intakeId = create(ContractReviewIntake.json("contract-review", "Acme NDA with Initech"));
        UUID matterId = submitAndAwaitHandoff(intakeId, 1);
        as(PM, matter)
                .contentType(ContentType.JSON)
                .body("{\"reasons\":[{\"code\":\"SCOPE_UNCLEAR\",\"detail\":\"Which affiliates sign?\"}]}")
                .post("/handoffs/" + matterId + "/reject")
                .then()
                .statusCode(200);
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> "RETURNED"
                        .equals(as(INTAKE, intake).get("/intakes/" + intakeId).path("status")));
        as(INTAKE, intake)
                .contentType("application/merge-patch+json")
                .body("{\"matterName\":\"Acme NDA with Initech (Initech Holdings and subsidiaries)\"}")
                .patch("/intakes/" + intakeId)
                .then()
                .statusCode(200);
        submitAndAwaitHandoff(intakeId, 2);
        as(PM, matter)
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/handoffs/" + matterId + "/accept")
                .then()
                .statusCode(200)
                .body("status", equalTo("OPEN"));
        // The rejection is legal ops' rework: one of the three handoff decisions so far (flow 1's acceptance,
        // this rejection, this acceptance).
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> Integer.valueOf(3)
                        .equals(as(LEADERSHIP, kpi)
                                .get("/scorecards/ops?matterType=contract-review")
                                .path("kpis.find { it.key == 'handoffReworkRate' }.denominator")));
        as(LEADERSHIP, kpi)
                .get("/scorecards/ops?matterType=contract-review")
                .then()
                .body("kpis.find { it.key == 'handoffReworkRate' }.numerator", equalTo(1))
                .body(
                        "kpis.find { it.key == 'handoffReworkRate' }.details.rejectionsByReason.SCOPE_UNCLEAR",
                        equalTo(1));
    }

    @Test
    @Order(4)
    void billingSystemTimeImportedAsLedesCountsInTheScorecardsLikeTypedTime() throws Exception {
        String matterType = "ledes-review-" + UUID.randomUUID().toString().substring(0, 6);
        var playbook = EventJson.mapper()
                .readTree(as(OPS, ops)
                        .get("/playbooks/contract-review/versions/1")
                        .asString());
        ((ObjectNode) playbook).remove(List.of("matterType", "version", "publishedBy", "occurredAt"));
        publish(matterType, playbook.toString());
        String phase = playbook.get("budgetPhases").get(0).get("code").asText();
        UUID matterId = submitAndAwaitHandoff(create(ContractReviewIntake.json(matterType, "Acme MSA import")), 1);
        String number = Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> as(PM, matter)
                                .contentType(ContentType.JSON)
                                .body("{}")
                                .post("/handoffs/" + matterId + "/accept"),
                        r -> r.statusCode() == 200)
                .path("matterNumber");

        // Budget 15,000 (the intake's estimate); the billing system's invoice holds 18,000 of fees: one
        // day's entry recorded the same day (timely), one worked ten days ago (late).
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String ledes = "LEDES1998B[]\r\n"
                + "INVOICE_DATE|INVOICE_NUMBER|CLIENT_ID|LAW_FIRM_MATTER_ID|INVOICE_TOTAL|BILLING_START_DATE|"
                + "BILLING_END_DATE|INVOICE_DESCRIPTION|LINE_ITEM_NUMBER|EXP/FEE/INV_ADJ_TYPE|LINE_ITEM_NUMBER_OF_UNITS|"
                + "LINE_ITEM_ADJUSTMENT_AMOUNT|LINE_ITEM_TOTAL|LINE_ITEM_DATE|LINE_ITEM_TASK_CODE|LINE_ITEM_EXPENSE_CODE|"
                + "LINE_ITEM_ACTIVITY_CODE|TIMEKEEPER_ID|LINE_ITEM_DESCRIPTION|LAW_FIRM_ID|LINE_ITEM_UNIT_COST|"
                + "TIMEKEEPER_NAME|TIMEKEEPER_CLASSIFICATION|CLIENT_MATTER_ID[]\r\n"
                + feeLine(number, 1, today, phase)
                + feeLine(number, 2, today.minusDays(10), phase);
        as(PM, matter)
                .contentType("application/vnd.ledes.1998b")
                .body(ledes.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/time-imports")
                .then()
                .statusCode(200)
                .body("imported", equalTo(2))
                .body("errors.size()", equalTo(0));

        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> number.equals(
                        as(PM, kpi).get("/matters/" + matterId + "/scorecard").path("matterNumber")));
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> as(LEADERSHIP, kpi)
                        .get("/scorecards/ops?matterType=" + matterType)
                        .then()
                        .statusCode(200)
                        .body("kpis.find { it.key == 'billingTimelinessRate' }.numerator", equalTo(1))
                        .body("kpis.find { it.key == 'billingTimelinessRate' }.denominator", equalTo(2)));
        as(LEADERSHIP, kpi)
                .get("/scorecards/pm?matterType=" + matterType)
                .then()
                .statusCode(200)
                // Budget to plan: no milestone is done yet, so nothing is earned: the matter is listed as spending
                // before progress (18,000 of 15,000 consumed), not averaged into the median.
                .body("kpis.find { it.key == 'budgetVariancePct' }.sampleSize", equalTo(0))
                .body(
                        "kpis.find { it.key == 'budgetVariancePct' }.details.spendBeforeProgress[0].consumedPct",
                        equalTo(120.0f));
    }

    /** A 9,000.00 fee line (10 hours at 900.00) of invoice IMP-1, which totals 18,000.00. */
    private static String feeLine(String matterNumber, int line, LocalDate worked, String phase) {
        return String.join(
                        "|",
                        "20260331",
                        "IMP-1-" + matterNumber,
                        "ACME",
                        matterNumber,
                        "18000.00",
                        "",
                        "",
                        "Acme MSA",
                        String.valueOf(line),
                        "F",
                        "10",
                        "0.00",
                        "9000.00",
                        worked.toString().replace("-", ""),
                        phase,
                        "",
                        "A103",
                        "a.chen",
                        "Drafted MSA redline",
                        "12-3456789",
                        "900.00",
                        "Chen, Anna",
                        "PT",
                        "")
                + "[]\r\n";
    }

    @Test
    @Order(5)
    void aNewPlaybookVersionValidatesTheNextIntake() throws Exception {
        String matterType = "nda-review-" + UUID.randomUUID().toString().substring(0, 6);
        var v1 = EventJson.mapper()
                .readTree(as(OPS, ops)
                        .get("/playbooks/contract-review/versions/1")
                        .asString());
        ((ObjectNode) v1).remove(List.of("matterType", "version", "publishedBy", "occurredAt"));
        publish(matterType, v1.toString());
        String first = create(ContractReviewIntake.json(matterType, "Acme NDA v1"));
        as(INTAKE, intake).post("/intakes/" + first + "/submit").then().statusCode(200);

        ((ObjectNode) v1)
                .withArray("requiredFields")
                .addObject()
                .put("key", "governingLaw")
                .put("label", "Governing law")
                .put("type", "TEXT");
        publish(matterType, v1.toString());
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            String next = create(ContractReviewIntake.json(matterType, "Acme NDA v2"));
            var refused = as(INTAKE, intake).post("/intakes/" + next + "/submit");
            return refused.statusCode() == 422 && refused.asString().contains("fields.governingLaw");
        });
    }

    @Test
    @Order(6)
    void intakeKeepsAcceptingWhileOpsConfigIsDown() {
        ops.stop();
        try {
            String intakeId = create(ContractReviewIntake.json("contract-review", "Acme SaaS with Hooli"));
            as(INTAKE, intake)
                    .post("/intakes/" + intakeId + "/submit")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("SUBMITTED"));
        } finally {
            ops.start(LanesSystem.REPOSITORY);
            ops.awaitReady();
        }
    }

    @Test
    @Order(7)
    void kafkaStoppedForThirtySecondsDuringAStreamOfIntakesLosesAndDuplicatesNothing() throws InterruptedException {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(WholeFlowsTest::kpiCaughtUp);
        long before = submittedToday();
        AtomicInteger submitted = new AtomicInteger();
        ScheduledExecutorService stream = Executors.newSingleThreadScheduledExecutor();
        // A stream of about two intakes a second, over HTTP only, before, during and after the outage.
        stream.scheduleAtFixedRate(
                () -> {
                    String intakeId =
                            create(ContractReviewIntake.json("contract-review", "Outage stream #" + submitted.get()));
                    as(INTAKE, intake)
                            .post("/intakes/" + intakeId + "/submit")
                            .then()
                            .statusCode(200);
                    submitted.incrementAndGet();
                },
                0,
                400,
                TimeUnit.MILLISECONDS);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> submitted.get() >= 5);
            LanesInfra.get().kafka().stop();
            long stoppedAt = System.nanoTime();
            int beforeOutage = submitted.get();
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> System.nanoTime() - stoppedAt
                                    >= Duration.ofSeconds(30).toNanos()
                            && submitted.get() >= beforeOutage + 20);
            LanesInfra.get().kafka().start();
            int afterOutage = submitted.get();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> submitted.get() >= afterOutage + 10);
        } finally {
            stream.shutdown();
            assertTrue(stream.awaitTermination(60, TimeUnit.SECONDS), "the stream's last intake finished");
        }
        long expected = before + submitted.get();
        // Every intake-complete reaches kpi-service; its dedupe on ce_id keeps each once in effect.
        Awaitility.await()
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> submittedToday() >= expected);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(WholeFlowsTest::kpiCaughtUp);
        assertEquals(expected, submittedToday(), "each intake counted exactly once");
    }

    @Test
    @Order(8)
    void kpiServiceKilledMidStreamComesBackWithTheScorecardsOfAFullRebuild() {
        for (int i = 0; i < 12; i++) {
            String intakeId = create(ContractReviewIntake.json("contract-review", "Crash stream #" + i));
            as(INTAKE, intake).post("/intakes/" + intakeId + "/submit").then().statusCode(200);
            if (i == 4) {
                kpi.kill();
            }
        }
        kpi.start(LanesSystem.REPOSITORY);
        kpi.awaitReady();
        Awaitility.await().atMost(Duration.ofSeconds(120)).until(WholeFlowsTest::kpiCaughtUp);
        Map<String, JsonNode> live = scorecards();

        as(ADMIN, kpi)
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/projection/rebuild")
                .then()
                .statusCode(202);
        Awaitility.await()
                .atMost(Duration.ofSeconds(120))
                .until(() -> "SWAPPED"
                        .equals(as(ADMIN, kpi).get("/projection/rebuild").path("state")));
        assertEquals(live, scorecards(), "the scorecards after the crash equal those of a rebuild from offset 0");
    }

    /** The three scorecards and the diagnosis of the last 30 days, without the moment they were computed at. */
    private static Map<String, JsonNode> scorecards() {
        Map<String, JsonNode> answers = new HashMap<>();
        for (String path : List.of("/scorecards/ops", "/scorecards/pm", "/scorecards/shared", "/diagnosis")) {
            JsonNode answer = EventJson.parse(as(LEADERSHIP, kpi)
                    .get(path)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asByteArray());
            ((ObjectNode) answer).remove("asOf");
            answers.put(path, answer);
        }
        return answers;
    }

    /** Intakes first submitted in the last 30 days, as kpi-service counts them (each once). */
    private static long submittedToday() {
        Integer count = as(LEADERSHIP, kpi)
                .get("/scorecards/ops")
                .path("kpis.find { it.key == 'dataCompletenessRate' }.denominator");
        return count == null ? 0 : count;
    }

    private static boolean kpiCaughtUp() {
        List<Integer> lags = as(LEADERSHIP, kpi).get("/projection/status").path("lag");
        return lags != null && !lags.isEmpty() && lags.stream().allMatch(lag -> lag == 0);
    }

    /**
     * A record that is not a CloudEvent is dead-lettered by every consumer of its topic and counted in
     * their metrics; and every alert and dashboard panel the production overlay ships names metrics the
     * services export.
     */
    @Test
    @Order(9)
    void aPoisonRecordIsCountedAndEveryAlertNamesAMetricTheServicesExport() throws Exception {
        try (TopicWriter writer = TopicWriter.of()) {
            writer.send(new ProducerRecord<>(
                    Topic.INTAKE.topicName(),
                    "poison-" + UUID.randomUUID(),
                    "not a CloudEvent".getBytes(StandardCharsets.UTF_8)));
        }
        String deadLettered = "lanes_consumer_dead_lettered_total{consumer=";
        Awaitility.await("matter-service and kpi-service count the dead letter")
                .atMost(Duration.ofSeconds(60))
                .until(() ->
                        metrics(matter).contains(deadLettered) && metrics(kpi).contains(deadLettered));

        Set<String> exported = new HashSet<>();
        for (ServiceProcess service : List.of(ops, intake, matter, kpi, subscriptions)) {
            metrics(service)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("[{ ]", 2)[0])
                    .forEach(exported::add);
        }
        int alerts = 0;
        int panels = 0;
        for (JsonNode doc : DeploymentManifestsTest.documents("production")) {
            if (doc.path("metadata").path("name").asText().equals("lanes-grafana-dashboard")) {
                JsonNode dashboard = EventJson.mapper()
                        .readTree(doc.path("data").path("lanes-dashboard.json").asText());
                for (JsonNode panel : dashboard.path("panels")) {
                    panels++;
                    for (JsonNode target : panel.path("targets")) {
                        for (String metric : metricsIn(target.path("expr").asText())) {
                            assertTrue(
                                    exported.contains(metric),
                                    "panel " + panel.path("title").asText() + " shows " + metric
                                            + ", which no service exports");
                        }
                    }
                }
            }
            if (!doc.path("kind").asText().equals("PrometheusRule")) {
                continue;
            }
            for (JsonNode group : doc.path("spec").path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    alerts++;
                    for (String metric : metricsIn(rule.path("expr").asText())) {
                        assertTrue(
                                exported.contains(metric),
                                rule.path("alert").asText() + " names " + metric + ", which no service exports");
                    }
                }
            }
        }
        assertTrue(alerts >= 5, "the production overlay ships the alerts of docs/operations.md");
        assertTrue(panels >= 8, "and the Grafana dashboard");
    }

    private static String metrics(ServiceProcess service) {
        return given().baseUri(service.managementUrl()).get("/q/metrics").asString();
    }

    /** The metric names of a PromQL expression: its words with an underscore, less labels and functions. */
    static Set<String> metricsIn(String expr) {
        String withoutLabels = expr.replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\{[^}]*\\}", " ")
                .replaceAll("\\[[^\\]]*\\]", " ");
        Set<String> metrics = new HashSet<>();
        Matcher words = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*").matcher(withoutLabels);
        while (words.find()) {
            String word = words.group();
            if (word.contains("_") && !PROMQL_FUNCTIONS.contains(word)) {
                metrics.add(word);
            }
        }
        return metrics;
    }

    private static final Set<String> PROMQL_FUNCTIONS = Set.of(
            "histogram_quantile",
            "min_over_time",
            "max_over_time",
            "avg_over_time",
            "sum_over_time",
            "count_over_time",
            "absent_over_time",
            "label_replace",
            "label_join");

    @Test
    @Order(10)
    void oneTraceRunsFromASubmittedIntakeThroughEveryServiceAndFromABlockedTaskToThePmToolsWebhook() throws Exception {
        String intakeId = create(ContractReviewIntake.json("contract-review", "Traced MSA with Initech"));
        String caller = "00-" + hex(32) + "-" + hex(16) + "-01";
        String traceId = caller.substring(3, 35);
        as(INTAKE, intake)
                .header("traceparent", caller)
                .post("/intakes/" + intakeId + "/submit")
                .then()
                .statusCode(200);
        UUID matterId = MatterIds.fromIntake(UUID.fromString(intakeId));

        // The submit, its publish, matter-service's handoff and its publish, and kpi-service's and
        // subscription-service's consumption of them: one trace, each span after its parent.
        List<SpanFiles.Span> spans = Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> SpanFiles.ofTrace(traceId),
                        found -> SpanFiles.find(found, "subscription-service", "CONSUMER", "lanes.matter.v1 process")
                                        .isPresent()
                                && found.stream().anyMatch(s -> s.service().equals("kpi-service")));
        SpanFiles.Span submit = only(spans, "intake-service", "SERVER", "POST /intakes/{id}/submit");
        assertEquals(caller.substring(36, 52), submit.parentSpanId(), "the caller's span is the submit's parent");
        SpanFiles.Span intakePublish = only(spans, "intake-service", "PRODUCER", "lanes.intake.v1 publish");
        assertTrue(descends(spans, intakePublish, submit));
        assertEquals(intakeId, intakePublish.attribute("cloudevents.event_subject"));
        SpanFiles.Span handoff = only(spans, "matter-service", "CONSUMER", "lanes.intake.v1 process");
        assertEquals(intakePublish.spanId(), handoff.parentSpanId());
        SpanFiles.Span matterPublish = only(spans, "matter-service", "PRODUCER", "lanes.matter.v1 publish");
        assertTrue(descends(spans, matterPublish, handoff));
        assertEquals(matterId.toString(), matterPublish.attribute("cloudevents.event_subject"));
        assertEquals(
                matterPublish.spanId(),
                only(spans, "subscription-service", "CONSUMER", "lanes.matter.v1 process")
                        .parentSpanId());
        assertTrue(spans.stream()
                .anyMatch(s -> s.service().equals("kpi-service")
                        && s.kind().equals("CONSUMER")
                        && (s.parentSpanId().equals(intakePublish.spanId())
                                || s.parentSpanId().equals(matterPublish.spanId()))));
        for (SpanFiles.Span span : spans) {
            spans.stream()
                    .filter(parent -> parent.spanId().equals(span.parentSpanId()))
                    .forEach(parent -> assertTrue(
                            span.startNanos() >= parent.startNanos(), span.name() + " starts before its parent"));
            assertTrue(span.attributes().toString().indexOf("Initech") < 0, "no client data in " + span.name());
        }

        // deploy/local/traces prints that trace as one tree across the services.
        String tree = traceTree(traceId);
        for (String service : List.of("intake-service", "matter-service", "kpi-service", "subscription-service")) {
            assertTrue(tree.contains(service), service + " in\n" + tree);
        }
        assertTrue(tree.lines().findFirst().orElse("").contains("POST /intakes/{id}/submit"), tree);

        // The escalation a request raises reaches the PM tool's webhook in the request's trace.
        subscribeToBlockedTasks("/blocked");
        as(PM, matter)
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/handoffs/" + matterId + "/accept")
                .then()
                .statusCode(200);
        String task = as(PM, matter).get("/matters/" + matterId).path("tasks[0].id");
        String blocker = "00-" + hex(32) + "-" + hex(16) + "-01";
        String blockTrace = blocker.substring(3, 35);
        as(PM, matter)
                .header("traceparent", blocker)
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"Waiting on the counterparty's signatory\"}")
                .post("/matters/" + matterId + "/tasks/" + task + "/block")
                .then()
                .statusCode(200);
        Received delivery = awaitDelivery("/blocked", 1).get(0);
        String received = delivery.header("traceparent");
        assertTrue(received.startsWith("00-" + blockTrace + "-"), received);
        List<SpanFiles.Span> blocked = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> SpanFiles.ofTrace(blockTrace),
                        found -> SpanFiles.find(found, "subscription-service", "CLIENT", "webhook POST")
                                .isPresent());
        SpanFiles.Span webhook = only(blocked, "subscription-service", "CLIENT", "webhook POST");
        assertEquals(received.substring(36, 52), webhook.spanId());
        SpanFiles.Span block = only(blocked, "matter-service", "SERVER", "POST /matters/{id}/tasks/{taskId}/block");
        assertTrue(descends(blocked, webhook, block));
    }

    /** What deploy/local/traces prints for one trace of the span files. */
    private static String traceTree(String traceId) throws Exception {
        Process tree = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        LanesSystem.REPOSITORY
                                .resolve("deploy/local/TraceTree.java")
                                .toString(),
                        SpanFiles.DIRECTORY.toString(),
                        traceId)
                .redirectErrorStream(true)
                .start();
        String output = new String(tree.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, tree.waitFor(), output);
        return output;
    }

    @Test
    @Order(11)
    void aDraftReplayedOverHistoryShowsTheSlipALongerGraceWouldHaveSpared() throws Exception {
        // The first flow's matter slipped a milestone planned a week late; a day's grace let it slip, 30 would not.
        var latest = EventJson.mapper()
                .readTree(as(OPS, ops).get("/playbooks/contract-review").asString());
        ((ObjectNode) latest).remove(List.of("matterType", "version", "publishedBy", "occurredAt"));
        ((ObjectNode) latest).withObject("thresholds").put("slipGraceDays", 30);
        String draft = as(OPS, ops)
                .contentType(ContentType.JSON)
                .body(latest.toString())
                .post("/playbooks/contract-review/drafts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String redline = "replay.milestones.find { it.matterId == '" + firstMatter
                + "' && it.name == 'Redline from counterparty' }";
        as(OPS, ops)
                .contentType(ContentType.JSON)
                .body("{\"from\":\"" + today.minusDays(30) + "\",\"to\":\"" + today + "\"}")
                .post("/playbooks/contract-review/drafts/" + draft + "/replay")
                .then()
                .statusCode(200)
                .body("draftId", equalTo(draft))
                .body("replay.matters", greaterThanOrEqualTo(1))
                .body(redline + ".asWas.slippedOn", notNullValue())
                .body(redline + ".candidate.slippedOn", nullValue())
                .body(
                        "replay.escalations.find { it.matterId == '" + firstMatter
                                + "' && it.cause == 'MILESTONE_SLIPPED' }.change",
                        equalTo("REMOVED"));
    }

    private static void subscribeToBlockedTasks(String path) {
        as(PM, subscriptions)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "url",
                        RECEIVER.url(path),
                        "types",
                        List.of("escalation-raised"),
                        "filter",
                        Map.of("cause", "TASK_BLOCKED")))
                .post("/subscriptions")
                .then()
                .statusCode(201);
    }

    private static SpanFiles.Span only(List<SpanFiles.Span> spans, String service, String kind, String name) {
        List<SpanFiles.Span> found = spans.stream()
                .filter(s -> s.service().equals(service)
                        && s.kind().equals(kind)
                        && s.name().equals(name))
                .toList();
        assertEquals(1, found.size(), service + " " + kind + " " + name + " in " + spans);
        return found.get(0);
    }

    /** Whether {@code ancestor} is on the chain of parents of {@code span}. */
    private static boolean descends(List<SpanFiles.Span> spans, SpanFiles.Span span, SpanFiles.Span ancestor) {
        Map<String, SpanFiles.Span> byId = new HashMap<>();
        spans.forEach(s -> byId.put(s.spanId(), s));
        for (SpanFiles.Span at = span; at != null; at = byId.get(at.parentSpanId())) {
            if (at.spanId().equals(ancestor.spanId())) {
                return true;
            }
        }
        return false;
    }

    private static String hex(int digits) {
        StringBuilder hex = new StringBuilder();
        while (hex.length() < digits) {
            hex.append(UUID.randomUUID().toString().replace("-", ""));
        }
        return hex.substring(0, digits);
    }

    private static void publish(String matterType, String content) {
        String draft = as(OPS, ops)
                .contentType(ContentType.JSON)
                .body(content)
                .post("/playbooks/" + matterType + "/drafts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(OPS, ops)
                .post("/playbooks/" + matterType + "/drafts/" + draft + "/publish")
                .then()
                .statusCode(201);
    }
}
