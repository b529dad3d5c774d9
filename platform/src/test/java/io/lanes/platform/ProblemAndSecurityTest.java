package io.lanes.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.lanes.testing.DevTokens;
import io.lanes.testing.LanesInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(LanesInfraResource.class)
class ProblemAndSecurityTest {

    static {
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static final String PROBLEM = "application/problem+json";

    @Test
    void missingTokenIs401ProblemWithBearerChallenge() {
        given().when()
                .get("/samples/secured")
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("urn:lanes:problem:unauthorized"))
                .body("status", equalTo(401))
                .body("instance", equalTo("/samples/secured"));
    }

    @Test
    void forgedTokenIs401() {
        String token = DevTokens.forRole("pm");
        String forged = token.substring(0, token.length() - 4) + "AAAA";
        given().auth()
                .oauth2(forged)
                .when()
                .get("/samples/secured")
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:lanes:problem:unauthorized"));
    }

    @Test
    void wrongRoleIs403Problem() {
        given().auth()
                .oauth2(DevTokens.forRole("intake"))
                .when()
                .get("/samples/secured")
                .then()
                .statusCode(403)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:lanes:problem:forbidden"));
    }

    @Test
    void rightRolePasses() {
        given().auth()
                .oauth2(DevTokens.forUser("p.patel", "pm"))
                .when()
                .get("/samples/secured")
                .then()
                .statusCode(200)
                .body("user", equalTo("p.patel"));
    }

    @Test
    void invalidFieldsAreListedOneByOne() {
        given().auth()
                .oauth2(DevTokens.forRole("intake"))
                .contentType(ContentType.JSON)
                .body("{\"name\":\" \",\"email\":\"not-an-email\",\"count\":11}")
                .when()
                .post("/samples")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:lanes:problem:invalid-request"))
                .body("errors.field", hasItems("name", "email", "count"))
                .body("errors.find { it.field == 'count' }.code", equalTo("max"));
    }

    @Test
    void malformedJsonIs400() {
        given().auth()
                .oauth2(DevTokens.forRole("intake"))
                .contentType(ContentType.JSON)
                .body("{\"name\": \"x\",")
                .when()
                .post("/samples")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:lanes:problem:malformed-request"));
    }

    @Test
    void wrongJsonTypeNamesTheField() {
        given().auth()
                .oauth2(DevTokens.forRole("intake"))
                .contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"count\":1,\"due\":\"next tuesday\"}")
                .when()
                .post("/samples")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:lanes:problem:malformed-request"))
                .body("errors[0].field", equalTo("due"));
    }

    @Test
    void missingBodyIs400() {
        given().auth()
                .oauth2(DevTokens.forRole("intake"))
                .contentType(ContentType.JSON)
                .when()
                .post("/samples")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
    }

    @Test
    void wrongMediaTypeIs415Problem() {
        given().auth()
                .oauth2(DevTokens.forRole("intake"))
                .contentType(ContentType.TEXT)
                .body("name=x")
                .when()
                .post("/samples")
                .then()
                .statusCode(415)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:lanes:problem:unsupported-media-type"));
    }

    @Test
    void unknownIdIs404Problem() {
        UUID id = UUID.randomUUID();
        given().auth()
                .oauth2(DevTokens.forRole("intake"))
                .when()
                .get("/samples/" + id)
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:lanes:problem:not-found"))
                .body("detail", containsString(id.toString()));
    }

    @Test
    void brokenRuleIs409NamingTheRule() {
        given().auth()
                .oauth2(DevTokens.forRole("intake"))
                .when()
                .post("/samples/" + UUID.randomUUID() + "/close")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:lanes:problem:conflict"))
                .body("rule", equalTo("ALREADY_CLOSED"));
    }

    @Test
    void unexpectedErrorIs500WithoutInternals() {
        given().auth()
                .oauth2(DevTokens.forRole("intake"))
                .when()
                .get("/samples/boom")
                .then()
                .statusCode(500)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:lanes:problem:internal"))
                .body(not(containsString("secret internal detail")))
                .body(not(containsString("at io.lanes")))
                .body("reference", not(equalTo(null)));
    }
}
