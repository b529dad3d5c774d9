package io.lanes.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lanes.platform.domain.InvalidInput;
import io.lanes.subscription.config.HooksConfig;
import io.lanes.subscription.domain.SubscriptionRules;
import io.lanes.subscription.service.WebhookTargets;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SSRF in the prod profile, from the service's own application.properties read as production reads
 * it: http and this network's addresses are refused, a public https endpoint is taken.
 */
class ProductionTargetsTest {

    private static HooksConfig hooks(String profile) throws IOException {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withProfile(profile)
                .withSources(new PropertiesConfigSource(
                        ProductionTargetsTest.class.getClassLoader().getResource("application.properties")))
                .withConverter(Duration.class, 100, new DurationConverter())
                .withMapping(HooksConfig.class)
                .build();
        return config.getConfigMapping(HooksConfig.class);
    }

    @Test
    void productionRefusesHttpAndInternalAddresses() throws IOException {
        HooksConfig prod = hooks("prod");
        SubscriptionRules rules = new SubscriptionRules(prod.requireHttps());
        WebhookTargets targets = new WebhookTargets(prod);

        InvalidInput http = assertThrows(
                InvalidInput.class,
                () -> rules.spec("http://hooks.example.com/x", List.of("task-blocked"), null, null));
        assertEquals("url", http.violations().get(0).field());
        for (String internal : List.of(
                "https://127.0.0.1/x",
                "https://169.254.169.254/latest/meta-data",
                "https://10.0.0.7/x",
                "https://[::1]/x")) {
            URI url = rules.spec(internal, List.of("task-blocked"), null, null).url();
            assertTrue(targets.refusal(url).isPresent(), internal);
        }
        assertTrue(targets.refusal(URI.create("https://93.184.215.14/x")).isEmpty());
    }

    @Test
    void theLocalRunAndTheTestsTakeALoopbackReceiver() throws IOException {
        for (String profile : List.of("local", "test", "dev")) {
            HooksConfig local = hooks(profile);
            assertTrue(
                    new WebhookTargets(local)
                            .refusal(URI.create("http://127.0.0.1:8099/lanes"))
                            .isEmpty(),
                    profile);
        }
    }
}
