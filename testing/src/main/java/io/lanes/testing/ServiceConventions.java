package io.lanes.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.restassured.RestAssured;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * What every Lanes service shows the world, checked once here and inherited by a
 * {@code @QuarkusTest} in each service: health and metrics on the management port, OpenAPI and
 * problem+json for unknown paths on the API port, and neither health nor metrics there.
 */
public abstract class ServiceConventions {

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void isLive() {
        ManagementInterface.given()
                .when()
                .get("/q/health/live")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
    }

    @Test
    void isReadyWithItsDatabase() {
        ManagementInterface.given()
                .when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("PostgreSQL")));
    }

    @Test
    void servesItsOpenApiDocument() {
        String service = ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
        given().accept("application/json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("info.title", containsString(service));
    }

    @Test
    void servesPrometheusMetrics() {
        ManagementInterface.given()
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void keepsHealthAndMetricsOffTheApiPort() {
        given().when().get("/q/health/ready").then().statusCode(404);
        given().when().get("/q/metrics").then().statusCode(404);
    }

    @Test
    void answersUnknownPathsWithoutLeakingRoutes() {
        given().auth()
                .oauth2(DevTokens.forRole("admin"))
                .when()
                .get("/no-such-resource")
                .then()
                .statusCode(404)
                .body(not(containsString("Resource not found</h1>")));
    }
}
