package io.lanes.platform.firm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The firm's calendar and currency are checked when the service starts: a typo must not skew every KPI. */
class FirmTest {

    @Test
    void aKnownZoneAndCurrencyAreTaken() {
        Firm firm = new Firm("America/New_York", "eur");
        assertEquals(ZoneId.of("America/New_York"), firm.zone());
        assertEquals("EUR", firm.currency());
    }

    @Test
    void anUnknownZoneStopsTheServiceWithAClearMessage() {
        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> new Firm("Mars/Olympus", "USD"));
        assertEquals(
                "lanes.firm.zone 'Mars/Olympus' is not a time zone: use a region id such as Europe/Berlin or "
                        + "America/New_York, or UTC",
                refused.getMessage());
    }

    @Test
    void anUnknownCurrencyStopsTheServiceWithAClearMessage() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new Firm("UTC", "DOLLARS"));
        assertEquals(
                "lanes.firm.currency 'DOLLARS' is not an ISO 4217 currency code such as USD or EUR",
                refused.getMessage());
    }
}
