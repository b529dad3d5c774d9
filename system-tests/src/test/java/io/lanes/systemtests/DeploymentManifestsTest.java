package io.lanes.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes overlays as {@code kubectl kustomize} renders them: the production one trusts only
 * the identity its environment provides (no key material, no development issuer, the prod profile),
 * every service reads its token trust from the lanes-identity Secret, connects to Kafka as its own
 * user over TLS with ACLs, logs in to PostgreSQL as its own database's owner, and runs as non-root
 * behind default-deny NetworkPolicies. Needs kubectl (CI's machine
 * has it; without it there is nothing to render, and the test is skipped).
 */
class DeploymentManifestsTest {

    private static final String DEV_KEY_PEM_LINE = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtc2SuUgOFY9jn1Ap4g2s";

    @Test
    void theProductionOverlayHoldsNoKeyAndNoDevelopmentIssuer() throws Exception {
        String yaml = render("production");
        assertFalse(yaml.contains("PRIVATE KEY"), "no private key");
        assertFalse(yaml.contains("BEGIN PUBLIC KEY"), "no key material at all: the Secret is the environment's");
        assertFalse(yaml.contains(DEV_KEY_PEM_LINE), "not the development key");
        assertFalse(yaml.contains("lanes.local/dev"), "not the development issuer");
        assertTrue(yaml.contains("QUARKUS_PROFILE: prod"), yaml);
        assertTrue(yaml.contains("QUARKUS_SWAGGER_UI_ENABLE: \"false\""), "no Swagger UI");
    }

    @Test
    void inProductionTheDashboardSignsInWithTheIdentityProviderOfTheApi() throws Exception {
        List<JsonNode> docs = documents("production");
        JsonNode kpi = deployment(docs, "kpi-service");
        JsonNode pod = kpi.path("spec").path("template").path("spec");
        assertEquals(
                "true",
                env(pod, "QUARKUS_OIDC_DASHBOARD_TENANT_ENABLED").path("value").asText());
        JsonNode provider = env(pod, "QUARKUS_OIDC_DASHBOARD_AUTH_SERVER_URL")
                .path("valueFrom")
                .path("secretKeyRef");
        assertEquals("lanes-identity", provider.path("name").asText());
        assertEquals("issuer", provider.path("key").asText(), "the issuer whose tokens the API trusts");
        assertEquals("lanes-dashboard-client", secretOf(kpi, "QUARKUS_OIDC_DASHBOARD_CLIENT_ID"));
        assertEquals("lanes-dashboard-client", secretOf(kpi, "QUARKUS_OIDC_DASHBOARD_CREDENTIALS_SECRET"));
        for (String service : SERVICES) {
            if (!service.equals("kpi-service")) {
                JsonNode other =
                        deployment(docs, service).path("spec").path("template").path("spec");
                assertThrows(AssertionError.class, () -> env(other, "QUARKUS_OIDC_DASHBOARD_TENANT_ENABLED"), service);
            }
        }
    }

    @Test
    void everyServiceTakesItsTokenTrustFromTheIdentitySecret() throws Exception {
        for (String overlay : List.of("local", "production")) {
            String yaml = render(overlay);
            long deployments = count(yaml, "kind: Deployment");
            assertEquals(SERVICES.size(), deployments, overlay);
            for (String variable :
                    List.of("MP_JWT_VERIFY_ISSUER", "MP_JWT_VERIFY_AUDIENCES", "MP_JWT_VERIFY_PUBLICKEY_LOCATION")) {
                assertEquals(
                        deployments,
                        count(
                                yaml,
                                "name: " + variable + "\n          valueFrom:\n"
                                        + "            secretKeyRef:\n              key: "),
                        overlay + " " + variable);
            }
            assertFalse(yaml.contains(DEV_KEY_PEM_LINE), overlay + " holds no key");
        }
    }

    @Test
    void kafkaIsStrimziV1AndTakesOnlyTlsClientsWithScramAndAcls() throws Exception {
        for (String overlay : List.of("local", "production")) {
            List<JsonNode> docs = documents(overlay);
            for (JsonNode doc : docs) {
                if (doc.path("apiVersion").asText().startsWith("kafka.strimzi.io/")) {
                    assertEquals("kafka.strimzi.io/v1", doc.path("apiVersion").asText(), overlay + " " + name(doc));
                }
            }
            JsonNode kafka = only(docs, "Kafka", "lanes").path("spec").path("kafka");
            assertEquals("simple", kafka.path("authorization").path("type").asText());
            for (JsonNode listener : kafka.path("listeners")) {
                assertTrue(listener.path("tls").asBoolean(), listener.toString());
                assertEquals(
                        "scram-sha-512",
                        listener.path("authentication").path("type").asText());
            }
            JsonNode config = only(docs, "ConfigMap", "lanes-config").path("data");
            assertEquals("SASL_SSL", config.path("KAFKA_SECURITY_PROTOCOL").asText());
            assertEquals("SCRAM-SHA-512", config.path("KAFKA_SASL_MECHANISM").asText());
        }
    }

    /** Each service's KafkaUser: writes only topics no other service writes, reads what it consumes. */
    @Test
    void eachServiceIsItsOwnKafkaUserWritingOnlyItsOwnTopics() throws Exception {
        List<JsonNode> docs = documents("production");
        Map<String, String> writers = new HashMap<>();
        for (String service : SERVICES) {
            assertEquals(service, secretOf(deployment(docs, service), "KAFKA_SASL_JAAS_CONFIG"));
            Set<String> reads = new HashSet<>();
            Set<String> groupPrefixes = new HashSet<>();
            for (JsonNode acl : only(docs, "KafkaUser", service)
                    .path("spec")
                    .path("authorization")
                    .path("acls")) {
                Set<String> operations = new HashSet<>();
                acl.path("operations").forEach(o -> operations.add(o.asText()));
                JsonNode resource = acl.path("resource");
                String name = resource.path("name").asText();
                if (resource.path("type").asText().equals("group")) {
                    assertEquals("prefix", resource.path("patternType").asText());
                    groupPrefixes.add(name);
                } else if (operations.contains("Write") && !name.endsWith(".dlq")) {
                    String other = writers.put(name, service);
                    assertTrue(other == null, name + " is written by " + other + " and " + service);
                } else if (operations.contains("Read")) {
                    reads.add(name);
                }
            }
            Properties properties = new Properties();
            try (var in = Files.newInputStream(
                    LanesSystem.REPOSITORY.resolve(service + "/src/main/resources/application.properties"))) {
                properties.load(in);
            }
            for (String key : properties.stringPropertyNames()) {
                if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topics?")) {
                    for (String topic : properties.getProperty(key).split(",")) {
                        assertTrue(reads.contains(topic.strip()), service + " consumes " + topic);
                        assertTrue(reads.contains(topic.strip() + ".dlq"), service + " parks records of " + topic);
                    }
                }
                if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.group\\.id")) {
                    String group = properties.getProperty(key);
                    assertTrue(groupPrefixes.stream().anyMatch(group::startsWith), service + " group " + group);
                }
            }
        }
        assertEquals(
                Set.of(
                        "lanes.ops-config.v1",
                        "lanes.intake.v1",
                        "lanes.matter.v1",
                        "lanes.escalations.v1",
                        "lanes.hooks.v1"),
                writers.keySet());
    }

    /** Its own database role (owner of its database only), a non-root read-only container, default-deny ingress. */
    @Test
    void eachServiceHasItsOwnDatabaseRoleAndRunsAsNonRootBehindNetworkPolicies() throws Exception {
        for (String overlay : List.of("local", "production")) {
            List<JsonNode> docs = documents(overlay);
            Map<String, String> ownerOf = new HashMap<>();
            JsonNode cluster = only(docs, "Cluster", "lanes-db").path("spec");
            JsonNode initdb = cluster.path("bootstrap").path("initdb");
            ownerOf.put(
                    initdb.path("database").asText(),
                    initdb.path("secret").path("name").asText());
            Map<String, String> roleSecrets = new HashMap<>();
            cluster.path("managed")
                    .path("roles")
                    .forEach(r -> roleSecrets.put(
                            r.path("name").asText(),
                            r.path("passwordSecret").path("name").asText()));
            for (JsonNode doc : docs) {
                if (doc.path("kind").asText().equals("Database")) {
                    JsonNode spec = doc.path("spec");
                    ownerOf.put(
                            spec.path("name").asText(),
                            roleSecrets.get(spec.path("owner").asText()));
                }
            }
            Set<String> secrets = new HashSet<>();
            for (String service : SERVICES) {
                JsonNode pod =
                        deployment(docs, service).path("spec").path("template").path("spec");
                String url =
                        env(pod, "QUARKUS_DATASOURCE_JDBC_URL").path("value").asText();
                String database = url.substring(url.lastIndexOf('/') + 1);
                String secret = secretOf(deployment(docs, service), "QUARKUS_DATASOURCE_USERNAME");
                assertEquals(
                        ownerOf.get(database), secret, overlay + " " + service + " logs in as its database's owner");
                assertTrue(secrets.add(secret), overlay + " " + service + " shares a database role");
                assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean(), service);
                JsonNode container = pod.path("containers").get(0).path("securityContext");
                assertTrue(container.path("readOnlyRootFilesystem").asBoolean(), service);
                assertFalse(container.path("allowPrivilegeEscalation").asBoolean(true), service);
                assertEquals(
                        "ALL",
                        container.path("capabilities").path("drop").get(0).asText(),
                        service);
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    assertEquals(
                            "management",
                            pod.path("containers")
                                    .get(0)
                                    .path(probe)
                                    .path("httpGet")
                                    .path("port")
                                    .asText(),
                            service + " " + probe + " on the management port");
                }
                JsonNode exposed = only(docs, "Service", service).path("spec").path("ports");
                assertEquals(1, exposed.size(), service + " exposes only its API");
                assertEquals("http", exposed.get(0).path("targetPort").asText(), service);
            }
            JsonNode deny = only(docs, "NetworkPolicy", "default-deny-ingress").path("spec");
            assertEquals(0, deny.path("podSelector").size(), "every pod");
            assertFalse(deny.has("ingress"), "admits nothing by itself");
        }
    }

    private static final List<String> SERVICES =
            List.of("ops-config-service", "intake-service", "matter-service", "kpi-service", "subscription-service");

    /** The overlay as kubectl renders it, one node a document; skips the calling test without kubectl. */
    static List<JsonNode> documents(String overlay) throws IOException, InterruptedException {
        String yaml = render(overlay);
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it =
                new YAMLMapper().readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNext()) {
                docs.add(it.next());
            }
        }
        return docs;
    }

    private static JsonNode only(List<JsonNode> docs, String kind, String name) {
        List<JsonNode> found = docs.stream()
                .filter(d -> d.path("kind").asText().equals(kind) && name(d).equals(name))
                .toList();
        assertEquals(1, found.size(), kind + " " + name);
        return found.get(0);
    }

    private static JsonNode deployment(List<JsonNode> docs, String service) {
        return only(docs, "Deployment", service);
    }

    private static String name(JsonNode doc) {
        return doc.path("metadata").path("name").asText();
    }

    private static JsonNode env(JsonNode pod, String variable) {
        for (JsonNode env : pod.path("containers").get(0).path("env")) {
            if (env.path("name").asText().equals(variable)) {
                return env;
            }
        }
        throw new AssertionError(variable + " is not set");
    }

    private static String secretOf(JsonNode deployment, String variable) {
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        return env(pod, variable)
                .path("valueFrom")
                .path("secretKeyRef")
                .path("name")
                .asText();
    }

    private static String render(String overlay) throws IOException, InterruptedException {
        assumeTrue(kubectlPresent(), "kubectl is not installed: nothing renders the manifests");
        Process process = new ProcessBuilder("kubectl", "kustomize", "deploy/k8s/overlays/" + overlay)
                .directory(LanesSystem.REPOSITORY.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize took over a minute");
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    private static boolean kubectlPresent() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "kubectl"))) {
                return true;
            }
        }
        return false;
    }

    private static long count(String text, String literal) {
        Matcher matcher = Pattern.compile(Pattern.quote(literal)).matcher(text);
        long n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }
}
