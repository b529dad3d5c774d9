package io.lanes.platform.firm;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The firm's time zone (periods and calendar dates are the firm's days) and base currency (money KPIs
 * answer in it). Checked at start-up: a service with an unknown zone or currency refuses to start.
 */
@Startup
@ApplicationScoped
public class Firm {

    private final ZoneId zone;
    private final String currency;

    public Firm(
            @ConfigProperty(name = "lanes.firm.zone") String zone,
            @ConfigProperty(name = "lanes.firm.currency") String currency) {
        this.zone = zone(zone);
        this.currency = currency(currency);
    }

    public ZoneId zone() {
        return zone;
    }

    public String currency() {
        return currency;
    }

    private static ZoneId zone(String value) {
        try {
            return ZoneId.of(value.trim());
        } catch (DateTimeException e) {
            throw new IllegalStateException("lanes.firm.zone '" + value
                    + "' is not a time zone: use a region id such as Europe/Berlin or America/New_York, or UTC");
        }
    }

    private static String currency(String value) {
        try {
            return Currency.getInstance(value.trim().toUpperCase(Locale.ROOT)).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "lanes.firm.currency '" + value + "' is not an ISO 4217 currency code such as USD or EUR");
        }
    }
}
