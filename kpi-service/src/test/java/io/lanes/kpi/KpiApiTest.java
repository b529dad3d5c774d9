package io.lanes.kpi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lanes.contracts.KpiKey;
import io.lanes.contracts.Topic;
import io.lanes.contracts.matter.MatterClosed;
import io.lanes.eventstore.consumer.DeadLetters;
import io.lanes.kpi.persistence.RebuildTables;
import io.lanes.testing.DevTokens;
import io.lanes.testing.LanesInfra;
import io.lanes.testing.LanesInfraResource;
import io.lanes.testing.PostgresDatabase;
import io.lanes.testing.RecordHeaders;
import io.lanes.testing.TopicReader;
import io.lanes.testing.TopicWriter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The scorecard API's contract at its edges: empty periods, bad queries, roles, CSV, trends, poison records. */
@QuarkusTest
@QuarkusTestResource(LanesInfraResource.class)
class KpiApiTest {

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    /** Years before any test's events: no KPI has data. */
    static final String EMPTY = "from=2019-01-01&to=2019-02-01";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String token(String role) {
        return DevTokens.forRole(role);
    }

    @Test
    void everyKpiWithoutDataIsNullAndNoData() {
        for (String kind : new String[] {"ops", "pm", "shared"}) {
            long count = Arrays.stream(KpiKey.values())
                    .filter(k -> k.scorecard().name().equalsIgnoreCase(kind))
                    .count();
            given().auth()
                    .oauth2(token("leadership"))
                    .get("/scorecards/" + kind + "?" + EMPTY)
                    .then()
                    .statusCode(200)
                    .body("scorecard", equalTo(kind))
                    .body("from", equalTo("2019-01-01"))
                    .body("to", equalTo("2019-02-01"))
                    .body("kpis", hasSize((int) count))
                    .body("kpis.value", everyItem(nullValue()))
                    .body("kpis.status", everyItem(equalTo("NO_DATA")))
                    .body("kpis.sampleSize", everyItem(equalTo(0)))
                    .body("kpis.target", everyItem(org.hamcrest.Matchers.notNullValue()));
        }
        given().auth()
                .oauth2(token("leadership"))
                .get("/diagnosis?" + EMPTY)
                .then()
                .statusCode(200)
                .body("verdict", equalTo("HEALTHY"))
                .body("evidence.concentration.topShare", nullValue());
    }

    @Test
    void defaultPeriodIsTheLastThirtyDays() {
        given().auth()
                .oauth2(token("leadership"))
                .get("/scorecards/ops")
                .then()
                .statusCode(200)
                .body("kpis", hasSize(7))
                .body(
                        "from",
                        equalTo(LocalDate.now(ZoneOffset.UTC)
                                .plusDays(1)
                                .minusDays(30)
                                .toString()))
                .body("to", equalTo(LocalDate.now(ZoneOffset.UTC).plusDays(1).toString()));
    }

    @Test
    void csvCarriesTheSameKpis() {
        String csv = given().auth()
                .oauth2(token("leadership"))
                .accept("text/csv")
                .get("/scorecards/pm?" + EMPTY)
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .extract()
                .asString();
        String[] lines = csv.split("\n");
        assertEquals("scorecard,from,to,key,value,unit,numerator,denominator,sampleSize,target,status", lines[0]);
        assertEquals(7, lines.length, "header and the six PM KPIs");
        assertEquals("pm,2019-01-01,2019-02-01,onTimeMilestoneRate,,ratio,0,0,0,0.85,NO_DATA", lines[1]);
    }

    @Test
    void trendGivesOneSeriesPerKpiWithAPointPerInterval() {
        given().auth()
                .oauth2(token("ops"))
                .get("/scorecards/ops/trend?interval=month&from=2019-01-01&to=2019-04-01")
                .then()
                .statusCode(200)
                .body("interval", equalTo("month"))
                .body("series", hasSize(7))
                .body("series[0].points.from", contains("2019-01-01", "2019-02-01", "2019-03-01"))
                .body("series[0].points.status", everyItem(equalTo("NO_DATA")));
        given().auth()
                .oauth2(token("ops"))
                .get("/scorecards/ops/trend?interval=week&from=2019-01-02&to=2019-01-15")
                .then()
                .statusCode(200)
                .body("series[0].points.from", contains("2019-01-02", "2019-01-07", "2019-01-14"));
    }

    @Test
    void badQueriesAreAnsweredWithProblemDetailsNamingTheField() {
        problem("/scorecards/ops?from=2019-03-01&to=2019-02-01", "from");
        problem("/scorecards/ops?from=2019-02-01&to=2019-02-01", "from");
        problem("/scorecards/ops?from=March&to=2019-02-30", "from");
        problem("/scorecards/ops?to=2019-02-30", "to");
        problem("/scorecards/ops?matterType=no-such-type", "matterType");
        problem("/scorecards/pm?practiceArea=nowhere&team=nobody", "practiceArea");
        problem("/scorecards/finance", "kind");
        problem("/scorecards/ops/trend?interval=day", "interval");
        // Three years of weeks is more than the 104 buckets a trend may have; the same by month is fine.
        problem("/scorecards/ops/trend?interval=week&from=2016-01-01&to=2019-01-01", "interval");
        given().auth()
                .oauth2(token("leadership"))
                .get("/scorecards/ops/trend?interval=month&from=2016-01-01&to=2019-01-01")
                .then()
                .statusCode(200)
                .body("series[0].points", hasSize(36));
        problem("/scorecards/ops?from=1990-01-01&to=2019-01-01", "to");
        problem("/diagnosis?from=2019-01-01&to=2018-01-01", "from");
        problem("/snapshots/next-monday", "scheduledFor");
        given().auth()
                .oauth2(token("pm"))
                .get("/matters/not-a-uuid/scorecard")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("matterId"));
        given().auth()
                .oauth2(token("pm"))
                .get("/matters/" + UUID.randomUUID() + "/scorecard")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token("leadership"))
                .get("/snapshots/2019-01-07T06:00:00Z")
                .then()
                .statusCode(404);
    }

    @Test
    void moreConcurrentComputationsThanTheLimitAreRefusedWith429AndRetryAfter() throws Exception {
        // Sixteen two-year weekly trends at once against a limit of four per replica: some must be refused, none lost.
        String path = "/scorecards/pm/trend?interval=week&from=2017-01-02&to=2018-12-31";
        String leadership = token("leadership");
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(callers.submit(() -> given().auth()
                        .oauth2(leadership)
                        .get(path)
                        .then()
                        .extract()
                        .response()));
            }
            int ok = 0;
            int refused = 0;
            for (Future<Response> answer : answers) {
                Response response = answer.get(60, TimeUnit.SECONDS);
                if (response.statusCode() == 429) {
                    refused++;
                    assertEquals("application/problem+json", response.contentType());
                    assertEquals(
                            "urn:lanes:problem:too-many-requests",
                            response.jsonPath().getString("type"));
                    assertEquals("1", response.header("Retry-After"));
                } else {
                    assertEquals(200, response.statusCode(), response.asString());
                    ok++;
                }
            }
            assertTrue(refused > 0, "some of 16 concurrent computations exceed the limit of 4");
            assertTrue(ok >= 4, "the limit's worth of computations is answered");
        } finally {
            callers.shutdownNow();
        }
        // Once they are done, the permits are back.
        given().auth().oauth2(leadership).get(path).then().statusCode(200);
    }

    /**
     * The service's own sessions: a KPI query is planned for the periods and filters it is run with (a
     * cached generic plan read all of history), and none runs longer than the statement timeout.
     */
    @Test
    void everyKpiQueryIsPlannedForItsValuesAndBoundedInTime() {
        Row settings = pool.query("SELECT current_setting('plan_cache_mode'), current_setting('statement_timeout')")
                .execute()
                .await()
                .atMost(Duration.ofSeconds(10))
                .iterator()
                .next();
        assertEquals("force_custom_plan", settings.getString(0));
        assertEquals("10s", settings.getString(1));
    }

    /**
     * The end of a rebuild's bulk (indexes, every time entry's profile, statistics) works over all rows:
     * at 2,000,000 events it ran past the scorecards' statement timeout and the rebuild failed. A pool
     * whose timeout is 1 ms still finishes it over 20,000 time entries, under the rebuild lock.
     */
    @Test
    void theEndOfARebuildsBulkIsNotCutShortByTheQueriesStatementTimeout() {
        RebuildTables tables = new RebuildTables(pool);
        RebuildTables.Lock lock = tables.tryLock().orElseThrow();
        PostgresDatabase database = LanesInfra.get().database();
        Pool tight = PgBuilder.pool()
                .connectingTo(new PgConnectOptions()
                        .setHost(database.host())
                        .setPort(database.port())
                        .setDatabase(database.database())
                        .setUser(database.username())
                        .setPassword(database.password())
                        .addProperty("statement_timeout", "1ms"))
                .using(vertx)
                .build();
        try {
            List<String> deferred = tables.createFresh();
            pool.query("INSERT INTO kpi_matter_rebuild (matter_id, matter_type) SELECT "
                            + "md5(n::text)::uuid, 'type-' || n FROM generate_series(1, 100) n")
                    .execute()
                    .await()
                    .atMost(Duration.ofSeconds(10));
            pool.query("INSERT INTO kpi_time_rebuild (ce_id, matter_id, occurred_at, work_date, hours, amount, "
                            + "phase, timekeeper, role, admin) SELECT gen_random_uuid(), md5((n % 100 + 1)::text)::uuid,"
                            + " now(), current_date, 1, 100, 'L100', 'a', 'ATTORNEY', false "
                            + "FROM generate_series(1, 20000) n")
                    .execute()
                    .await()
                    .atMost(Duration.ofSeconds(10));

            new RebuildTables(tight).completeBulk(deferred);

            Row done = pool.query("SELECT (SELECT count(*) FROM kpi_time_rebuild WHERE matter_type IS NULL), "
                            + "(SELECT count(*) FROM pg_indexes i WHERE i.tablename LIKE '%\\_rebuild' AND NOT EXISTS "
                            + "(SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname))")
                    .execute()
                    .await()
                    .atMost(Duration.ofSeconds(10))
                    .iterator()
                    .next();
            assertEquals(0L, done.getLong(0), "every time entry has its matter's profile");
            assertEquals(deferred.size(), done.getLong(1).intValue(), "every deferred index is built");
        } finally {
            tight.closeAndAwait();
            lock.release();
        }
    }

    private static void problem(String path, String field) {
        given().auth()
                .oauth2(token("leadership"))
                .get(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:lanes:problem:invalid-request"))
                .body("errors.field", hasItem(field));
    }

    @Test
    void eachRoleReadsOnlyItsScorecards() {
        given().get("/scorecards/ops").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("not-a-token").get("/scorecards/ops").then().statusCode(401);
        given().auth()
                .oauth2(token("ops"))
                .get("/scorecards/ops?" + EMPTY)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(token("ops"))
                .get("/scorecards/pm?" + EMPTY)
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:lanes:problem:forbidden"));
        given().auth().oauth2(token("pm")).get("/scorecards/pm?" + EMPTY).then().statusCode(200);
        given().auth()
                .oauth2(token("pm"))
                .get("/scorecards/ops/trend?" + EMPTY)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(token("pm"))
                .get("/scorecards/shared?" + EMPTY)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(token("intake"))
                .get("/scorecards/ops?" + EMPTY)
                .then()
                .statusCode(403);
        given().auth().oauth2(token("ops")).get("/diagnosis").then().statusCode(403);
        given().auth().oauth2(token("pm")).get("/snapshots").then().statusCode(403);
        given().auth()
                .oauth2(token("ops"))
                .get("/matters/" + UUID.randomUUID() + "/scorecard")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(token("pm"))
                .contentType("application/json")
                .body("{}")
                .post("/projection/rebuild")
                .then()
                .statusCode(403);
    }

    @Test
    void aRebuildWhileAnotherReplicaRebuildsIsRefused() throws SQLException {
        try (Connection otherReplica = LanesInfra.get().database().connect();
                Statement lock = otherReplica.createStatement()) {
            lock.execute("SELECT pg_advisory_lock(" + RebuildTables.REBUILD_LOCK + ")");
            given().auth()
                    .oauth2(token("admin"))
                    .contentType("application/json")
                    .body("{}")
                    .post("/projection/rebuild")
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("rule", equalTo("rebuild-running"));
            lock.execute("SELECT pg_advisory_unlock(" + RebuildTables.REBUILD_LOCK + ")");
        }
        given().auth()
                .oauth2(token("admin"))
                .get("/projection/rebuild")
                .then()
                .statusCode(200)
                .body("state", org.hamcrest.Matchers.not(equalTo("RUNNING")));
    }

    @Test
    void aPoisonRecordIsParkedOnTheDeadLetterTopicAndTheProjectionMovesOn() {
        String key = UUID.randomUUID().toString();
        try (TopicReader dlq = TopicReader.of(Topic.MATTER.deadLetterTopicName());
                TopicWriter writer = TopicWriter.of()) {
            writer.send(
                    new ProducerRecord<>(Topic.MATTER.topicName(), key, "{not json".getBytes(StandardCharsets.UTF_8)));
            dlq.await(r -> key.equals(r.key()), 1, Duration.ofSeconds(60))
                    .forEach(r -> assertEquals("kpi-facts", RecordHeaders.text(r, DeadLetters.CONSUMER)));
        }
        // The next good record on the same topic is still projected (in 2017, clear of the other tests' periods).
        UUID matter = UUID.randomUUID();
        try (TopicWriter writer = TopicWriter.of()) {
            writer.publish(
                    new MatterClosed(
                            matter,
                            LocalDate.parse("2017-01-02"),
                            LocalDate.parse("2017-01-20"),
                            LocalDate.parse("2017-01-21"),
                            "SETTLED",
                            Instant.parse("2017-01-21T10:00:00Z")),
                    9);
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> LanesInfra.get()
                                .database()
                                .queryLong("SELECT count(*) FROM kpi_fact WHERE matter_id = ?", matter)
                        == 1);
    }
}
