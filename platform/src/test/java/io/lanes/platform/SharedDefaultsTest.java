package io.lanes.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lanes.platform.kafka.KafkaProducerSettings;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SharedDefaultsTest {

    @Inject
    Clock clock;

    @Test
    void everyKafkaChannelDefaultsToAcksAllWithIdempotence() {
        var config = ConfigProvider.getConfig();
        assertEquals("all", config.getValue("mp.messaging.connector.smallrye-kafka.acks", String.class));
        assertEquals("true", config.getValue("mp.messaging.connector.smallrye-kafka.enable.idempotence", String.class));
        Map<String, Object> plain = KafkaProducerSettings.reliable("127.0.0.1:1", "test");
        assertEquals("all", plain.get("acks"));
        assertEquals(true, plain.get("enable.idempotence"));
    }

    @Test
    void devServicesAreOff() {
        assertEquals(false, ConfigProvider.getConfig().getValue("quarkus.devservices.enabled", Boolean.class));
    }

    @Test
    void clockIsInjectableAndInTheFirmsZoneUtcByDefault() {
        assertEquals(ZoneId.of("UTC"), clock.getZone());
        assertTrue(Duration.between(clock.instant(), Instant.now()).abs().toSeconds() < 5);
    }
}
