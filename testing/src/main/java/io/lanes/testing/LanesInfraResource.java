package io.lanes.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} the real Kafka broker and PostgreSQL database of {@link LanesInfra}.
 * Use it with {@code @QuarkusTestResource(LanesInfraResource.class)} (or {@code @WithTestResource});
 * the infrastructure outlives Quarkus restarts and stops with the JVM.
 */
public class LanesInfraResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return LanesInfra.get().quarkusConfig();
    }

    @Override
    public void stop() {
        // LanesInfra stops with the JVM, so the next Quarkus start in this JVM reuses it.
    }
}
