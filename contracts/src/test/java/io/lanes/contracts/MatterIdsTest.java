package io.lanes.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class MatterIdsTest {

    @Test
    void followsRfc9562VersionFiveVector() {
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        assertEquals(
                UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"), MatterIds.nameBased(dns, "www.example.com"));
    }

    @Test
    void sameIntakeAlwaysGivesTheSameMatter() {
        UUID intake = UUID.randomUUID();
        assertEquals(MatterIds.fromIntake(intake), MatterIds.fromIntake(intake));
        assertEquals(5, MatterIds.fromIntake(intake).version());
        assertNotEquals(MatterIds.fromIntake(intake), MatterIds.fromIntake(UUID.randomUUID()));
    }
}
