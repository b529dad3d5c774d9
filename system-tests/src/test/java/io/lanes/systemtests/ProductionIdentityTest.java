package io.lanes.systemtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lanes.testing.DevTokens;
import io.lanes.testing.LanesInfra;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A service packaged as for production, in the prod profile: it refuses to start trusting the
 * development key and issuer (whose private key is in the repository), and once given a firm's own
 * key, issuer and audience it answers a development token with 401.
 */
class ProductionIdentityTest {

    private static final Path LOGS = LanesSystem.LOGS.resolve("production-identity");

    @Test
    void theProdProfileRefusesToStartWithTheDevelopmentKeyAndIssuer() throws IOException {
        Map<String, String> env = environment("prod_dev_key");
        env.put(
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                LanesSystem.REPOSITORY
                        .resolve("deploy/local/dev-keys/public.pem")
                        .toString());
        env.put("MP_JWT_VERIFY_ISSUER", DevTokens.ISSUER);
        try (ServiceProcess service = launch("dev-key", env)) {
            assertNotEquals(0, service.awaitExit(Duration.ofSeconds(120)), "the service must not run");
            String output = service.output();
            assertTrue(output.contains("Refusing to start in the prod profile"), output);
            assertTrue(output.contains("the verification key is the development key"), output);
            assertTrue(output.contains("the development issuer"), output);
            assertTrue(output.contains("MP_JWT_VERIFY_AUDIENCES"), output);
        }
    }

    @Test
    void aServiceTrustingTheFirmsOwnKeyRejectsADevelopmentToken() throws Exception {
        Path key = Files.createTempFile("firm-jwt", ".pem");
        Files.writeString(key, freshPublicKey());
        Map<String, String> env = environment("prod_firm_key");
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", key.toString());
        env.put("MP_JWT_VERIFY_ISSUER", "https://login.firm.example/realms/lanes");
        env.put("MP_JWT_VERIFY_AUDIENCES", "lanes");
        try (ServiceProcess service = launch("firm-key", env)) {
            service.awaitReady();
            given().baseUri(service.baseUrl())
                    .header("Authorization", "Bearer " + DevTokens.forRole("admin"))
                    .get("/playbooks")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:lanes:problem:unauthorized"));
            assertLogsAreJsonLines(service.output());
        } finally {
            Files.deleteIfExists(key);
        }
    }

    /** In prod every line a service logs is one JSON object naming the service, for a log pipeline. */
    private static void assertLogsAreJsonLines(String output) throws IOException {
        List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
        assertTrue(lines.size() > 3, output);
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            JsonNode entry = json.readTree(line);
            assertEquals("ops-config-service", entry.path("service").asText(), line);
            assertTrue(entry.hasNonNull("level") && entry.hasNonNull("message"), line);
        }
    }

    /** ops-config-service with a log of its own for this run, so no earlier run's output can answer. */
    private static ServiceProcess launch(String run, Map<String, String> env) throws IOException {
        Path logs = LOGS.resolve(run);
        Files.deleteIfExists(logs.resolve("ops-config-service.log"));
        return ServiceProcess.launch(LanesSystem.REPOSITORY, "ops-config-service", env, logs);
    }

    private static Map<String, String> environment(String database) {
        LanesInfra infra = LanesInfra.get();
        Map<String, String> env =
                LanesSystem.infraEnvironment(infra, infra.postgres().createDatabase(database));
        env.put("QUARKUS_PROFILE", "prod");
        return env;
    }

    private static String freshPublicKey() throws NoSuchAlgorithmException, IOException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder()
                        .encodeToString(generator.generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
