package io.lanes.opsconfig;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.lanes.testing.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ImprovementFlagApiTest {

    private static final String ADMIN = DevTokens.forRole("admin");

    private static String raise(String matterType) {
        return raise(matterType, "first-markup");
    }

    private static String raise(String matterType, String templateKey) {
        String body = "{\"matterType\":\"" + matterType + "\",\"templateKey\":\"" + templateKey + "\",\"matters\":[\""
                + UUID.randomUUID() + "\",\"" + UUID.randomUUID() + "\",\"" + UUID.randomUUID()
                + "\"],\"windowStart\":\"2026-02-01\",\"windowEnd\":\"2026-03-02\"}";
        return given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/internal/improvement-flags")
                .then()
                .statusCode(201)
                .body("status", equalTo("OPEN"))
                .extract()
                .path("id");
    }

    @Test
    void opsDismissesAFlagWithAReasonOnce() {
        String matterType = PlaybookApiTest.newMatterType();
        String id = raise(matterType);
        given().auth()
                .oauth2(DevTokens.forRole("leadership"))
                .queryParam("status", "OPEN")
                .queryParam("matterType", matterType)
                .when()
                .get("/improvement-flags")
                .then()
                .statusCode(200)
                .body("id", hasItem(id));

        given().auth()
                .oauth2(PlaybookApiTest.OPS)
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"Counterparty delays, not our template\"}")
                .when()
                .post("/improvement-flags/" + id + "/dismiss")
                .then()
                .statusCode(200)
                .body("status", equalTo("DISMISSED"))
                .body("resolution", equalTo("Counterparty delays, not our template"))
                .body("resolvedBy", equalTo("o.ramirez"));
        given().auth()
                .oauth2(PlaybookApiTest.OPS)
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"again\"}")
                .when()
                .post("/improvement-flags/" + id + "/dismiss")
                .then()
                .statusCode(409)
                .body("rule", equalTo("FLAG_NOT_OPEN"));
        given().auth()
                .oauth2(PlaybookApiTest.OPS)
                .contentType(ContentType.JSON)
                .body("{\"reason\":\" \"}")
                .when()
                .post("/improvement-flags/" + raise(matterType) + "/dismiss")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
    }

    @Test
    void publishingANewVersionClosesTheMatterTypesOpenFlags() throws Exception {
        String matterType = PlaybookApiTest.newMatterType();
        String other = PlaybookApiTest.newMatterType();
        String id = raise(matterType);
        String untouched = raise(other);

        PlaybookApiTest.publishNew(matterType, PlaybookApiTest.starter("contract-review"));

        given().auth()
                .oauth2(PlaybookApiTest.OPS)
                .when()
                .get("/improvement-flags/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("closedByVersion", equalTo(1));
        given().auth()
                .oauth2(PlaybookApiTest.OPS)
                .when()
                .get("/improvement-flags/" + untouched)
                .then()
                .statusCode(200)
                .body("status", equalTo("OPEN"));
        given().auth()
                .oauth2(PlaybookApiTest.OPS)
                .queryParam("status", "OPEN")
                .when()
                .get("/improvement-flags")
                .then()
                .statusCode(200)
                .body("id", not(hasItem(id)));
    }

    @Test
    void aVersionShowsTheFlagsItClosedWhetherTheirPatternCameBackAndWhereItsImpactIs() throws Exception {
        String matterType = PlaybookApiTest.newMatterType();
        String markup = raise(matterType, "first-markup");
        String kickoff = raise(matterType, "kickoff-call");
        PlaybookApiTest.publishNew(matterType, PlaybookApiTest.starter("contract-review"));
        // After version 1: first-markup slips again, kickoff-call does not; version 2 closes the new flag.
        String again = raise(matterType, "first-markup");
        PlaybookApiTest.publishNew(matterType, PlaybookApiTest.starter("contract-review"));

        given().auth()
                .oauth2(PlaybookApiTest.OPS)
                .when()
                .get("/playbooks/" + matterType + "/versions/1/closed-flags")
                .then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("closedFlags.flagId", contains(markup, kickoff))
                .body("closedFlags[0].templateKey", equalTo("first-markup"))
                .body("closedFlags[0].matters", equalTo(3))
                .body("closedFlags[0].recurred", equalTo(true))
                .body("closedFlags[0].recurrences", contains(again))
                .body("closedFlags[1].recurred", equalTo(false))
                .body("closedFlags[1].recurrences", empty())
                .body("impact", nullValue());
        given().auth()
                .oauth2(DevTokens.forRole("leadership"))
                .when()
                .get("/playbooks/" + matterType + "/versions/2/closed-flags")
                .then()
                .statusCode(200)
                .body("closedFlags.flagId", contains(again))
                .body("closedFlags[0].recurred", equalTo(false))
                .body("impact", equalTo("http://127.0.0.1:8084/playbooks/" + matterType + "/versions/2/impact"));
        given().auth()
                .oauth2(DevTokens.forRole("pm"))
                .when()
                .get("/playbooks/" + matterType + "/versions/2/closed-flags")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(PlaybookApiTest.OPS)
                .when()
                .get("/playbooks/" + matterType + "/versions/3/closed-flags")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void onlyAdminsRaiseFlagsByHandAndUnknownFlagsAre404() {
        given().auth()
                .oauth2(PlaybookApiTest.OPS)
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/internal/improvement-flags")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(DevTokens.forRole("intake"))
                .when()
                .get("/improvement-flags")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(PlaybookApiTest.OPS)
                .when()
                .get("/improvement-flags/" + UUID.randomUUID())
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"matterType\":\"x\"}")
                .when()
                .post("/internal/improvement-flags")
                .then()
                .statusCode(400);
    }
}
