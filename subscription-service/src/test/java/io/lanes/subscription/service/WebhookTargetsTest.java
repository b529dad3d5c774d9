package io.lanes.subscription.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SSRF: what production refuses, by address (literals, so no DNS is needed to run it). */
class WebhookTargetsTest {

    private final WebhookTargets production = new WebhookTargets(false);
    private final WebhookTargets local = new WebhookTargets(true);

    @Test
    void productionRefusesThisNetworksOwnAddresses() {
        for (String url : List.of(
                "https://127.0.0.1/hooks",
                "https://localhost/hooks",
                "https://[::1]/hooks",
                "https://10.1.2.3/hooks",
                "https://172.16.0.9/hooks",
                "https://192.168.1.20/hooks",
                "https://169.254.169.254/latest/meta-data",
                "https://[fd12:3456::1]/hooks",
                "https://[fe80::1]/hooks",
                "https://100.64.0.1/hooks",
                "https://0.0.0.0/hooks",
                "https://224.0.0.1/hooks")) {
            Optional<String> refusal = production.refusal(URI.create(url));
            assertTrue(refusal.isPresent(), url);
            assertTrue(refusal.get().contains("internal address"), refusal.get());
        }
    }

    @Test
    void productionTakesPublicAddresses() {
        assertEquals(Optional.empty(), production.refusal(URI.create("https://93.184.215.14/hooks")));
        assertEquals(
                Optional.empty(), production.refusal(URI.create("https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/")));
    }

    @Test
    void locallyAnyAddressWillDo() {
        assertEquals(Optional.empty(), local.refusal(URI.create("http://127.0.0.1:9999/hooks")));
    }
}
