package io.lanes.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lanes.platform.idempotency.IdempotencyKeyPurge;
import io.lanes.testing.DevTokens;
import io.lanes.testing.LanesInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotencyKeyTest {

    private static final String INTAKE = DevTokens.forUser("i.jones", "intake");

    @Inject
    IdempotencyKeyPurge purge;

    static {
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static Response post(String key, String name) {
        return given().auth()
                .oauth2(INTAKE)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body("{\"name\":\"" + name + "\",\"count\":2}")
                .when()
                .post("/samples");
    }

    private static long rowsNamed(String name) {
        return LanesInfra.get().database().queryLong("SELECT count(*) FROM platform_sample WHERE name = ?", name);
    }

    @Test
    void sameKeyAndBodyReplaysTheFirstResponseAndCreatesOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "replay-" + key;
        Response first = post(key, name);
        first.then().statusCode(201);
        Response second = post(key, name);

        second.then().statusCode(201).header("Idempotency-Replayed", "true");
        assertEquals(first.header("Location"), second.header("Location"));
        assertEquals(first.jsonPath().getString("id"), second.jsonPath().getString("id"));
        assertEquals(1, rowsNamed(name));
    }

    @Test
    void concurrentRetriesWithOneKeyCreateOnceAndAllGetTheSameAnswer() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "race-" + key;
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> post(key, name)));
            }
            Set<String> ids = new HashSet<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get(30, TimeUnit.SECONDS);
                assertEquals(201, response.statusCode(), response.asString());
                ids.add(response.jsonPath().getString("id"));
            }
            assertEquals(1, ids.size());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, rowsNamed(name));
    }

    @Test
    void aKeyOlderThanItsRetentionIsFreeAgainAndIsPurged() {
        String key = UUID.randomUUID().toString();
        post(key, "long-ago-" + key).then().statusCode(201);
        LanesInfra.get()
                .database()
                .queryLong(
                        "WITH aged AS (UPDATE lanes_idempotency_key SET created_at = now() - interval '25 hours' "
                                + "WHERE body LIKE ? RETURNING 1) SELECT count(*) FROM aged",
                        "%long-ago-" + key + "%");
        post(key, "today-" + key).then().statusCode(201).header("Idempotency-Replayed", nullValue());
        assertEquals(1, rowsNamed("today-" + key), "a day later the same key creates again");

        post(UUID.randomUUID().toString(), "fresh-" + key).then().statusCode(201);
        LanesInfra.get()
                .database()
                .queryLong(
                        "WITH aged AS (UPDATE lanes_idempotency_key SET created_at = now() - interval '25 hours' "
                                + "WHERE body LIKE ? RETURNING 1) SELECT count(*) FROM aged",
                        "%fresh-" + key + "%");
        assertTrue(purge.purgeExpired() >= 1);
        assertEquals(
                0,
                LanesInfra.get()
                        .database()
                        .queryLong(
                                "SELECT count(*) FROM lanes_idempotency_key WHERE body LIKE ?", "%fresh-" + key + "%"));
    }

    @Test
    void sameKeyWithAnotherBodyIs422AndCreatesNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        post(key, "first-" + key).then().statusCode(201);
        post(key, "second-" + key)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:lanes:problem:idempotency-key-reused"))
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertEquals(0, rowsNamed("second-" + key));
    }

    @Test
    void keysOfDifferentUsersNeverMeet() {
        String key = UUID.randomUUID().toString();
        String name = "shared-" + key;
        String first =
                post(key, name).then().statusCode(201).extract().jsonPath().getString("id");
        String other = given().auth()
                .oauth2(DevTokens.forUser("someone.else", "intake"))
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body("{\"name\":\"" + name + "\",\"count\":2}")
                .when()
                .post("/samples")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
        assertNotEquals(first, other);
    }

    @Test
    void withoutAKeyEveryRequestCreates() throws Exception {
        String name = "nokey-" + UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            given().auth()
                    .oauth2(INTAKE)
                    .contentType(ContentType.JSON)
                    .body("{\"name\":\"" + name + "\",\"count\":2}")
                    .when()
                    .post("/samples")
                    .then()
                    .statusCode(201);
        }
        assertEquals(2, rowsNamed(name));
    }

    @Test
    void overlongKeyIs400() {
        post("k".repeat(256), "overlong").then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
    }
}
