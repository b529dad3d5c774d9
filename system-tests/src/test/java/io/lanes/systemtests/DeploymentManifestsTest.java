package io.lanes.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes overlays as {@code kubectl kustomize} renders them: the production one trusts only
 * the identity its environment provides (no key material, no development issuer, the prod profile),
 * and every service reads its token trust from the lanes-identity Secret. Needs kubectl (CI's machine
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
    void everyServiceTakesItsTokenTrustFromTheIdentitySecret() throws Exception {
        for (String overlay : List.of("local", "production")) {
            String yaml = render(overlay);
            long deployments = count(yaml, "kind: Deployment");
            assertEquals(4, deployments, overlay);
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
