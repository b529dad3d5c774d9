package io.lanes.testing;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Requests to the management interface (health, metrics) of the Quarkus application under test,
 * which listens on its own port ({@code quarkus.management.test-port}: a free port that
 * {@link LanesInfraResource} gives each test JVM, else Quarkus' 9001).
 */
public final class ManagementInterface {

    private ManagementInterface() {}

    public static RequestSpecification given() {
        int port = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.management.test-port", Integer.class)
                .orElse(9001);
        return RestAssured.given().port(port);
    }
}
