package io.lanes.kpi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lanes.contracts.EventJson;
import io.lanes.contracts.EventSchemas;
import io.lanes.contracts.EventType;
import io.lanes.kpi.readmodel.ReadModel;
import io.lanes.kpi.snapshot.WeeklySnapshots;
import io.lanes.testing.DevTokens;
import io.lanes.testing.LanesInfra;
import io.lanes.testing.LanesInfraResource;
import io.lanes.testing.TopicWriter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The golden scenario of {@link GoldenFirm} over the real broker: every KPI of every scorecard for
 * March and April 2025 against numbers worked out by hand below; then the same events in a shuffled
 * cross-topic order, every record redelivered, and a rebuild from offset 0 must give the very same answers.
 */
@QuarkusTest
@QuarkusTestResource(LanesInfraResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GoldenScenarioTest {

    static final String MARCH = "from=2025-03-01&to=2025-04-01";
    static final String APRIL = "from=2025-04-01&to=2025-05-01";
    static final GoldenFirm FIRM = new GoldenFirm();
    static final List<ProducerRecord<String, byte[]>> RECORDS = FIRM.records();
    /** Every answer of the first, ordered run, compared verbatim with the later runs. */
    static final Map<String, String> BASELINE = new LinkedHashMap<>();

    @Inject
    WeeklySnapshots snapshots;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    @Order(1)
    void everyKpiOfEveryScorecardMatchesTheHandWorkedNumbers() throws Throwable {
        FIRM.events()
                .forEach(e -> assertEquals(
                        List.of(), EventSchemas.violations(EventType.of(e), EventJson.tree(e)), "golden event " + e));
        assertTrue(RECORDS.size() >= 40, "at least 40 events");
        publish(RECORDS);
        awaitAllFacts();
        deliverSnapshots();

        JsonNode ops = scorecard("ops", MARCH);
        // intakeToOpenHours, acceptances in March: M1 24, M2 120, M3 24, M4 72, M5 72 -> sorted 24 24 72 72 120:
        // median 72, p90 = nearest rank ceil(0.9*5) = 5th = 120; firm target 48, lower is better -> OFF.
        kpi(ops, "intakeToOpenHours", "72.00", null, null, 5, "48", "OFF_TARGET");
        assertDecimal("120.00", detail(ops, "intakeToOpenHours", "p90"));
        // dataCompletenessRate, intakes first submitted in March: I1 complete, I2 incomplete (complete on attempt 2),
        // I3 complete, I4 incomplete (complete on attempt 2), I5 complete -> 3/5; none abandoned as of 04-01.
        kpi(ops, "dataCompletenessRate", "0.6000", 3L, 5L, 5, "0.85", "OFF_TARGET");
        assertEquals(0, detail(ops, "dataCompletenessRate", "abandoned").asInt());
        // sopAdoptionRate, the standard playbook (newest version at acceptance, no overrides): M1 v1 ok, M2 v1 ok, M3
        // ok
        // (its incomplete checklist no longer counts: intake enforces it), M4 overrode milestone:signing, M5 on v1
        // while v2 was newest -> 3/5.
        kpi(ops, "sopAdoptionRate", "0.6000", 3L, 5L, 5, "0.9", "OFF_TARGET");
        assertEquals(
                1,
                detail(ops, "sopAdoptionRate", "overridesByKey")
                        .get("milestone:signing")
                        .asInt());
        assertEquals(1, detail(ops, "sopAdoptionRate", "olderPlaybookVersion").asInt());
        // handoffReworkRate: 1 rejection (M2) / (5 accepted + 1 rejected).
        kpi(ops, "handoffReworkRate", "0.1667", 1L, 6L, 6, "0.1", "OFF_TARGET");
        assertEquals(
                1,
                detail(ops, "handoffReworkRate", "rejectionsByReason")
                        .get("MISSING_INFORMATION")
                        .asInt());
        // billingTimelinessRate: E1 18 h ok, E2 58 h late, E3 20 h ok, E5 44 h ok (lease reviews allow 48), E7 22 h ok.
        kpi(ops, "billingTimelinessRate", "0.8000", 4L, 5L, 5, "0.9", "OFF_TARGET");
        // reportDeliveryRate: slots 03-03, 03-10 on time, 03-17 two hours late, 03-24 never, 03-31 on time -> 3/5.
        kpi(ops, "reportDeliveryRate", "0.6000", 3L, 5L, 5, "1.0", "OFF_TARGET");
        // attorneyAdminHours per attorney-week: admin E2 2 h + E7 1.5 h = 3.5 h (E5 is a paralegal's, E1/E3 legal
        // work); attorneys with time in March: alice, bob; 31/7 weeks -> 3.5 x 7 / (2 x 31) = 0.395 -> 0.40, against
        // the firm's 2 per attorney-week. The 31 days before had no time: no previous figure.
        kpi(ops, "attorneyAdminHours", "0.40", null, null, 5, "2", "ON_TARGET");
        assertNull(detail(ops, "attorneyAdminHours", "previousPeriod"), "no previous period figure (omitted)");

        JsonNode pm = scorecard("pm", MARCH);
        // onTimeMilestoneRate, baseline due in March and completed or slipped before 04-01: MS1a on time, MS1b on time,
        // MS2a slipped (completed only in April), MS3a late -> 2/4; against the current plan the same, no replans.
        kpi(pm, "onTimeMilestoneRate", "0.5000", 2L, 4L, 4, "0.85", "OFF_TARGET");
        assertDecimal("0.5000", detail(pm, "onTimeMilestoneRate", "againstCurrentPlan"));
        // overdueTaskRate, due in March: T1 on time, T2 late -> 1/2.
        kpi(pm, "overdueTaskRate", "0.5000", 1L, 2L, 2, "0.1", "OFF_TARGET");
        // budgetVariancePct, earned value as of 04-01 over the matters open in March (budgets all in L100, every
        // milestone in L100): M1 EV 10000 x 2/2, AC 6000 -> -40.0; M3 closed: (2500 - 5000) / 5000 = -50.0; M2 and
        // M5 spent before any milestone was done (EV 0): listed, not in the median (M2 23000/20000 = 115.0 %,
        // M5 750/12000 = 6.25 -> 6.3 %); M4 neither spent nor earned. Median of -40 and -50 = -45.0; none over plan.
        kpi(pm, "budgetVariancePct", "-45.0", null, null, 2, "10", "ON_TARGET");
        assertDecimal("0.0000", detail(pm, "budgetVariancePct", "shareOverPlan"));
        assertEquals(0, detail(pm, "budgetVariancePct", "mattersOverPlan").size());
        JsonNode early = detail(pm, "budgetVariancePct", "spendBeforeProgress");
        assertEquals(2, early.size());
        Map<String, String> consumed = new LinkedHashMap<>();
        early.forEach(m ->
                consumed.put(m.get("matterId").asText(), m.get("consumedPct").asText()));
        assertEquals(Map.of(FIRM.m2.toString(), "115.0", FIRM.m5.toString(), "6.3"), consumed);
        // onTimeStatusUpdateRate: U1 on time; M2's window due 03-24 passed with no update -> 1/2.
        kpi(pm, "onTimeStatusUpdateRate", "0.5000", 1L, 2L, 2, "0.9", "OFF_TARGET");
        // escalationResolutionHours: X2a 48 h; open at 04-01: X2s (status update) -> 1.
        kpi(pm, "escalationResolutionHours", "48.00", null, null, 1, "72", "ON_TARGET");
        assertEquals(1, detail(pm, "escalationResolutionHours", "openAtEnd").asInt());
        // cycleTimeVsPlan: M3 closed 03-31: 20 days / 14 planned = 1.4286; none at or under plan.
        kpi(pm, "cycleTimeVsPlan", "1.4286", null, null, 1, "1.1", "OFF_TARGET");
        assertDecimal("0.0000", detail(pm, "cycleTimeVsPlan", "shareAtOrUnderPlan"));

        JsonNode shared = scorecard("shared", MARCH);
        // missedDeadlineRate: hard milestones with a baseline due in March: MS1b, met -> 0/1.
        kpi(shared, "missedDeadlineRate", "0.0000", 0L, 1L, 1, "0", "ON_TARGET");
        // clientSatisfaction: M3's 4.
        kpi(shared, "clientSatisfaction", "4.00", null, null, 1, "4.2", "OFF_TARGET");
        // processWriteDowns: only W3, 500 EUR negotiated; the base currency (USD) has none -> 0.00, EUR in the
        // breakdown.
        kpi(shared, "processWriteDowns", "0.00", null, null, 1, "0", "ON_TARGET");
        assertDecimal(
                "500.00",
                detail(shared, "processWriteDowns", "byCurrency").get("EUR").get("allWriteDowns"));
        assertDecimal(
                "0.0000",
                detail(shared, "processWriteDowns", "byCurrency").get("EUR").get("shareOfAllWriteDowns"));
        // throughputPerAttorney: M3 closed (carol) over the attorneys of matters open in March (alice, bob, carol).
        kpi(shared, "throughputPerAttorney", "0.33", 1L, 3L, 1, "1", "OFF_TARGET");
        assertEquals(
                1,
                detail(shared, "throughputPerAttorney", "byAttorney")
                        .get("carol")
                        .asInt());
        assertEquals(
                1,
                detail(shared, "throughputPerAttorney", "byTeam")
                        .get(GoldenFirm.LEASE_TEAM)
                        .asInt());

        ops = scorecard("ops", APRIL);
        // Acceptances in April: M7 48 h -> median and p90 48, on the 48 target.
        kpi(ops, "intakeToOpenHours", "48.00", null, null, 1, "48", "ON_TARGET");
        // First submitted in April: I6 complete, I7 complete, I8 incomplete and never completed (abandoned) -> 2/3.
        kpi(ops, "dataCompletenessRate", "0.6667", 2L, 3L, 3, "0.85", "OFF_TARGET");
        assertEquals(1, detail(ops, "dataCompletenessRate", "abandoned").asInt());
        // M7 on v2, the newest at acceptance, no overrides -> 1/1.
        kpi(ops, "sopAdoptionRate", "1.0000", 1L, 1L, 1, "0.9", "ON_TARGET");
        // M6 rejected (two reasons), M7 accepted -> 1/2.
        kpi(ops, "handoffReworkRate", "0.5000", 1L, 2L, 2, "0.1", "OFF_TARGET");
        assertEquals(
                1,
                detail(ops, "handoffReworkRate", "rejectionsByReason")
                        .get("WRONG_ROUTING")
                        .asInt());
        assertEquals(
                1,
                detail(ops, "handoffReworkRate", "rejectionsByReason")
                        .get("SCOPE_UNCLEAR")
                        .asInt());
        // E4 10 h, E6 12 h -> 2/2.
        kpi(ops, "billingTimelinessRate", "1.0000", 2L, 2L, 2, "0.9", "ON_TARGET");
        // 04-07, 04-14 on time, 04-21 exactly one hour after (on time), 04-28 never -> 3/4.
        kpi(ops, "reportDeliveryRate", "0.7500", 3L, 4L, 4, "1.0", "OFF_TARGET");
        // Admin E4 4 h (bob) + E6 3 h (carol) = 7 h over 2 attorneys x 30/7 weeks = 0.8167 -> 0.82; the 30 days before
        // (03-02..04-01): 3.5 h over alice and bob -> 0.4083 -> 0.41; change +0.41.
        kpi(ops, "attorneyAdminHours", "0.82", null, null, 2, "2", "ON_TARGET");
        assertDecimal("0.41", detail(ops, "attorneyAdminHours", "previousPeriod"));
        assertDecimal("0.41", detail(ops, "attorneyAdminHours", "change"));

        pm = scorecard("pm", APRIL);
        // Baseline due in April, decided by 05-01: MS2b (baseline 04-10, slipped), MS4a (slipped), MS5a on time,
        // MS5b (baseline 04-08, replanned before it to 04-14, done 04-11: late against the baseline), MS7a on time
        // -> 2/5. Against the current plan MS5b was on time -> 3/5; two replans (MS2b, MS5b).
        kpi(pm, "onTimeMilestoneRate", "0.4000", 2L, 5L, 5, "0.85", "OFF_TARGET");
        assertDecimal("0.6000", detail(pm, "onTimeMilestoneRate", "againstCurrentPlan"));
        assertEquals(2, detail(pm, "onTimeMilestoneRate", "replans").asInt());
        // T4 (04-08, never done) overdue, T7 on time -> 1/2.
        kpi(pm, "overdueTaskRate", "0.5000", 1L, 2L, 2, "0.1", "OFF_TARGET");
        // As of 05-01, matters open in April: M1 closed: (6000 - 10000) / 10000 = -40.0; M2 MS2a done of 2 -> EV 10000,
        // AC 25000 -> +150.0 (spending ahead of progress, over plan); M5 both done -> EV 12000, AC 750 -> -93.75
        // (behind); M7 closed: (0 - 6000) / 6000 = -100.0; M4 spent 1500 of 8000 (18.75 -> 18.8 %) before any progress.
        // Median of -100, -93.75, -40, 150 = (-93.75 - 40) / 2 = -66.875 -> -66.9; 1 of 4 over plan.
        kpi(pm, "budgetVariancePct", "-66.9", null, null, 4, "10", "ON_TARGET");
        assertDecimal("0.2500", detail(pm, "budgetVariancePct", "shareOverPlan"));
        JsonNode overPlan = detail(pm, "budgetVariancePct", "mattersOverPlan");
        assertEquals(1, overPlan.size());
        assertEquals(FIRM.m2.toString(), overPlan.get(0).get("matterId").asText());
        assertDecimal("150.0", overPlan.get(0).get("variancePct"));
        assertDecimal("10000.00", overPlan.get(0).get("earnedValue"));
        assertEquals(
                FIRM.m4.toString(),
                detail(pm, "budgetVariancePct", "spendBeforeProgress")
                        .get(0)
                        .get("matterId")
                        .asText());
        // U2 late, U4 on time, no window without update -> 1/2.
        kpi(pm, "onTimeStatusUpdateRate", "0.5000", 1L, 2L, 2, "0.9", "OFF_TARGET");
        // X2c 24 h, X4 36 h -> median 30, p90 36; open at 05-01: X2s and X2b.
        kpi(pm, "escalationResolutionHours", "30.00", null, null, 2, "72", "ON_TARGET");
        assertDecimal("36.00", detail(pm, "escalationResolutionHours", "p90"));
        assertEquals(2, detail(pm, "escalationResolutionHours", "openAtEnd").asInt());
        // M1 48/58 = 0.827586, M7 22/21 = 1.047619 -> median 0.9376; one of two at or under plan.
        kpi(pm, "cycleTimeVsPlan", "0.9376", null, null, 2, "1.1", "ON_TARGET");
        assertDecimal("0.5000", detail(pm, "cycleTimeVsPlan", "shareAtOrUnderPlan"));

        shared = scorecard("shared", APRIL);
        // Hard milestones with a baseline due in April: MS2b missed, MS4a missed, MS7a met -> 2/3.
        kpi(shared, "missedDeadlineRate", "0.6667", 2L, 3L, 3, "0", "OFF_TARGET");
        // M1 5, M7 3 -> 4.
        kpi(shared, "clientSatisfaction", "4.00", null, null, 2, "4.2", "OFF_TARGET");
        // W2 1500 USD, a process failure, all of April's USD write-downs; W4 800 EUR, a process failure, kept apart
        // (never added to dollars).
        kpi(shared, "processWriteDowns", "1500.00", null, null, 2, "0", "OFF_TARGET");
        assertDecimal("1.0000", detail(shared, "processWriteDowns", "shareOfAllWriteDowns"));
        assertDecimal(
                "800.00",
                detail(shared, "processWriteDowns", "byCurrency").get("EUR").get("processFailure"));
        assertEquals(
                List.of("EUR", "USD"),
                list(detail(shared, "processWriteDowns", "byCurrency").fieldNames()));
        // M1 (alice) and M7 (bob) closed over alice, bob, carol (M1, M2, M4, M5, M7 open in April) -> 0.67.
        kpi(shared, "throughputPerAttorney", "0.67", 2L, 3L, 2, "1", "OFF_TARGET");
        assertEquals(
                2,
                detail(shared, "throughputPerAttorney", "byTeam")
                        .get(GoldenFirm.CLAIM_TEAM)
                        .asInt());

        // Filtered to lease reviews in March: M3 24 h, M4 72 h -> median 48 against the lease playbook's own 36.
        JsonNode lease =
                scorecard("ops", MARCH + "&practiceArea=real-estate&matterType=lease-review&team=real-estate-team");
        kpi(lease, "intakeToOpenHours", "48.00", null, null, 2, "36", "OFF_TARGET");
        // I3 first try, I4 second -> 1/2; M3 standard, M4 overrode its plan -> 1/2; no rejections -> 0/2.
        kpi(lease, "dataCompletenessRate", "0.5000", 1L, 2L, 2, "0.85", "OFF_TARGET");
        kpi(lease, "sopAdoptionRate", "0.5000", 1L, 2L, 2, "0.9", "OFF_TARGET");
        kpi(lease, "handoffReworkRate", "0.0000", 0L, 2L, 2, "0.1", "ON_TARGET");
        // The construction playbook sets its own milestone target (0.8): M1's two on time, M2's slipped -> 2/3.
        JsonNode claims = scorecard("pm", MARCH + "&matterType=construction-claim");
        kpi(claims, "onTimeMilestoneRate", "0.6667", 2L, 3L, 3, "0.8", "OFF_TARGET");

        // March: six ops KPIs off (firm-wide) and PM failures all in M2 (slip MS2a, task T2): the top 20 % of the
        // five matters (1 matter) holds 2/2 -> concentrated with PM KPIs off too -> BOTH.
        JsonNode march = diagnosis(MARCH);
        assertEquals("BOTH", march.get("verdict").asText());
        assertEquals(6, march.get("evidence").get("opsOff").size());
        assertEquals(4, march.get("evidence").get("pmOff").size());
        assertEquals(
                2, march.get("evidence").get("concentration").get("failures").asInt());
        assertDecimal("1.0000", march.get("evidence").get("concentration").get("topShare"));
        assertEquals(
                FIRM.m2.toString(),
                march.get("evidence")
                        .get("failingMatters")
                        .get(0)
                        .get("matterId")
                        .asText());
        // April: data completeness, rework and report delivery off (3 ops KPIs: firm-wide); failures M2 (slip MS2b,
        // budget escalation) and M4 (slip MS4a, overdue T4): the top matter holds 2/4 = 0.5 -> concentrated -> BOTH.
        JsonNode april = diagnosis(APRIL);
        assertEquals("BOTH", april.get("verdict").asText());
        assertEquals(3, april.get("evidence").get("opsOff").size());
        assertDecimal("0.5000", april.get("evidence").get("concentration").get("topShare"));

        // A monthly trend over both months gives each month's scorecard value as its points.
        JsonNode trend = EventJson.parse(answer("/scorecards/ops/trend?interval=month&from=2025-03-01&to=2025-05-01")
                .getBytes(StandardCharsets.UTF_8));
        JsonNode intakeToOpen = trend.get("series").get(0);
        assertEquals("intakeToOpenHours", intakeToOpen.get("key").asText());
        assertDecimal("72.00", intakeToOpen.get("points").get(0).get("value"));
        assertDecimal("48.00", intakeToOpen.get("points").get(1).get("value"));
        assertEquals("2025-04-01", intakeToOpen.get("points").get(1).get("from").asText());

        // One matter's PM view: M2 as of today.
        JsonNode m2 = EventJson.parse(given().auth()
                .oauth2(DevTokens.forRole("pm"))
                .get("/matters/" + FIRM.m2 + "/scorecard")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());
        assertEquals(2, m2.get("milestones").get("slipped").asInt());
        assertEquals(1, m2.get("milestones").get("completed").asInt(), "MS2a, late");
        assertEquals(0, m2.get("milestones").get("completedOnTime").asInt());
        assertEquals(1, m2.get("milestones").get("deadlinesMissed").asInt());
        assertEquals(1, m2.get("tasks").get("overdue").size());
        assertEquals(2, m2.get("openEscalations").size(), "X2s and X2b");
        JsonNode total = m2.get("budget").get(m2.get("budget").size() - 1);
        assertEquals("TOTAL", total.get("phase").asText());
        assertDecimal("25.00", total.get("variancePct"));

        baseline();
    }

    @Test
    @Order(2)
    void theSameEventsInAShuffledCrossTopicOrderGiveIdenticalScorecards() throws SQLException {
        // Empty the facts and this consumer's dedupe record, then let it consume the scenario again, shuffled.
        execute("TRUNCATE "
                + Arrays.stream(ReadModel.values()).map(ReadModel::table).collect(Collectors.joining(", "))
                + "; DELETE FROM lanes_processed_event WHERE consumer = 'kpi-facts'");
        List<ProducerRecord<String, byte[]>> shuffled = new ArrayList<>(RECORDS);
        Collections.shuffle(shuffled, new Random(20250301));
        publish(shuffled);
        awaitAllFacts();
        assertSameAnswers();
    }

    @Test
    @Order(3)
    void redeliveringEveryRecordGivesIdenticalScorecards() {
        publish(RECORDS);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(GoldenScenarioTest::caughtUp);
        assertEquals(RECORDS.size(), goldenFacts());
        assertSameAnswers();
    }

    @Test
    @Order(4)
    void aRebuildFromOffsetZeroGivesIdenticalScorecards() {
        // The rebuild builds its tables' indexes after their bulk: the swapped tables have the same ones.
        String indexes =
                "SELECT count(*) FROM pg_indexes WHERE tablename LIKE 'kpi\\_%' AND tablename NOT LIKE '%\\_rebuild'";
        long before = LanesInfra.get().database().queryLong(indexes);
        given().auth()
                .oauth2(DevTokens.forRole("leadership"))
                .contentType("application/json")
                .body("{}")
                .post("/projection/rebuild")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(DevTokens.forRole("admin"))
                .contentType("application/json")
                .body("{}")
                .post("/projection/rebuild")
                .then()
                .statusCode(202);
        Awaitility.await()
                .atMost(Duration.ofSeconds(120))
                .until(() -> "SWAPPED"
                        .equals(given().auth()
                                .oauth2(DevTokens.forRole("admin"))
                                .get("/projection/rebuild")
                                .jsonPath()
                                .getString("state")));
        assertEquals(RECORDS.size(), goldenFacts());
        assertEquals(before, LanesInfra.get().database().queryLong(indexes), "every index, built after the bulk");
        assertSameAnswers();
    }

    private void deliverSnapshots() throws Throwable {
        execute("INSERT INTO kpi_snapshot_schedule (id, first_slot) VALUES (1, '2025-03-03T06:00:00Z') "
                + "ON CONFLICT (id) DO UPDATE SET first_slot = excluded.first_slot");
        Map<Instant, Duration> late = new LinkedHashMap<>();
        late.put(GoldenFirm.SLOTS.get(0), Duration.ofMinutes(10));
        late.put(GoldenFirm.SLOTS.get(1), Duration.ofMinutes(59));
        late.put(GoldenFirm.SLOTS.get(2), Duration.ofHours(2));
        late.put(GoldenFirm.SLOTS.get(4), Duration.ZERO);
        late.put(GoldenFirm.SLOTS.get(5), Duration.ofMinutes(30));
        late.put(GoldenFirm.SLOTS.get(6), Duration.ofMinutes(45));
        late.put(GoldenFirm.SLOTS.get(7), Duration.ofHours(1));
        for (Map.Entry<Instant, Duration> slot : late.entrySet()) {
            assertTrue(VertxContextSupport.subscribeAndAwait(
                    () -> snapshots.produce(slot.getKey(), slot.getKey().plus(slot.getValue()))));
        }
        given().auth()
                .oauth2(DevTokens.forRole("leadership"))
                .get("/snapshots?" + MARCH)
                .then()
                .statusCode(200)
                .body("size()", equalTo(4))
                .body("onTime", contains(true, false, true, true));
        // A snapshot keeps the three scorecards of the week before its Monday.
        given().auth()
                .oauth2(DevTokens.forRole("ops"))
                .get("/snapshots/2025-03-10T06:00:00Z")
                .then()
                .statusCode(200)
                .body("from", equalTo("2025-03-03"))
                .body("to", equalTo("2025-03-10"))
                .body("scorecards.ops.kpis.size()", equalTo(7))
                .body("scorecards.pm.kpis.size()", equalTo(6))
                .body("scorecards.shared.kpis.size()", equalTo(4));
    }

    private void baseline() {
        for (String kind : List.of("ops", "pm", "shared")) {
            for (String period : List.of(MARCH, APRIL)) {
                BASELINE.put(kind + "?" + period, answer("/scorecards/" + kind + "?" + period));
            }
        }
        BASELINE.put("trend", answer("/scorecards/pm/trend?interval=week&" + MARCH));
        BASELINE.put("diagnosis", answer("/diagnosis?" + APRIL));
    }

    private static void assertSameAnswers() {
        assertTrue(!BASELINE.isEmpty(), "the ordered run set the baseline");
        for (Map.Entry<String, String> expected : BASELINE.entrySet()) {
            String path = expected.getKey().equals("trend")
                    ? "/scorecards/pm/trend?interval=week&" + MARCH
                    : expected.getKey().equals("diagnosis")
                            ? "/diagnosis?" + APRIL
                            : "/scorecards/" + expected.getKey();
            assertEquals(expected.getValue(), answer(path), path);
        }
    }

    private static String answer(String path) {
        return given().auth()
                .oauth2(DevTokens.forRole("leadership"))
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private static JsonNode scorecard(String kind, String query) {
        return EventJson.parse(answer("/scorecards/" + kind + "?" + query).getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode diagnosis(String query) {
        return EventJson.parse(answer("/diagnosis?" + query).getBytes(StandardCharsets.UTF_8));
    }

    private static <T> List<T> list(Iterator<T> items) {
        List<T> all = new ArrayList<>();
        items.forEachRemaining(all::add);
        return all;
    }

    private static JsonNode find(JsonNode scorecard, String key) {
        for (JsonNode kpi : scorecard.get("kpis")) {
            if (kpi.get("key").asText().equals(key)) {
                return kpi;
            }
        }
        throw new AssertionError("no KPI " + key + " in " + scorecard);
    }

    private static JsonNode detail(JsonNode scorecard, String key, String detail) {
        return find(scorecard, key).get("details").get(detail);
    }

    private static void kpi(
            JsonNode scorecard,
            String key,
            String value,
            Long numerator,
            Long denominator,
            long sampleSize,
            String target,
            String status) {
        JsonNode kpi = find(scorecard, key);
        assertDecimal(value, kpi.get("value"), key + ".value");
        if (numerator == null) {
            assertTrue(kpi.get("numerator").isNull(), key + ".numerator");
        } else {
            assertEquals(numerator.longValue(), kpi.get("numerator").asLong(), key + ".numerator");
            assertEquals(denominator.longValue(), kpi.get("denominator").asLong(), key + ".denominator");
        }
        assertEquals(sampleSize, kpi.get("sampleSize").asLong(), key + ".sampleSize");
        assertDecimal(target, kpi.get("target"), key + ".target");
        assertEquals(status, kpi.get("status").asText(), key + ".status");
    }

    private static void assertDecimal(String expected, JsonNode actual) {
        assertDecimal(expected, actual, "value");
    }

    private static void assertDecimal(String expected, JsonNode actual, String what) {
        if (expected == null) {
            assertNull(actual.isNull() ? null : actual, what);
            return;
        }
        assertEquals(
                0,
                new BigDecimal(expected).compareTo(actual.decimalValue()),
                what + ": expected " + expected + " but was " + actual);
    }

    private static void publish(List<ProducerRecord<String, byte[]>> records) {
        try (TopicWriter writer = TopicWriter.of()) {
            records.forEach(writer::send);
        }
    }

    private static long goldenFacts() {
        return LanesInfra.get()
                .database()
                .queryLong("SELECT count(*) FROM kpi_fact WHERE occurred_at >= "
                        + "'2025-01-01' AND occurred_at < '2025-06-01'");
    }

    private static void awaitAllFacts() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> goldenFacts() == RECORDS.size());
    }

    private static boolean caughtUp() {
        return given()
                .auth()
                .oauth2(DevTokens.forRole("leadership"))
                .get("/projection/status")
                .jsonPath()
                .getList("lag", Long.class)
                .stream()
                .allMatch(lag -> lag == 0);
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = LanesInfra.get().database().connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
