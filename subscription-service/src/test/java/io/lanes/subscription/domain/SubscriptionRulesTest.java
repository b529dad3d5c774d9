package io.lanes.subscription.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lanes.platform.domain.InvalidInput;
import io.lanes.platform.domain.Violation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SubscriptionRulesTest {

    private final SubscriptionRules local = new SubscriptionRules(false);
    private final SubscriptionRules production = new SubscriptionRules(true);

    @Test
    void typesAreNamedByEventNameOrCeTypeAndKeptAsCeTypes() {
        SubscriptionSpec spec = local.spec(
                "http://127.0.0.1:9999/hooks",
                List.of("milestone-slipped", "io.lanes.escalation-raised.v1", "milestone-slipped"),
                Map.of("team", "employment", "severity", "CRITICAL"),
                "  board  ");

        assertEquals(List.of("io.lanes.milestone-slipped.v1", "io.lanes.escalation-raised.v1"), spec.types());
        assertEquals(new DeliveryFilter(null, "employment", null, "CRITICAL"), spec.filter());
        assertEquals("board", spec.description());
    }

    @Test
    void everyBrokenFieldIsNamed() {
        InvalidInput invalid = assertThrows(
                InvalidInput.class,
                () -> local.spec(
                        "not a url",
                        List.of("milestone-slipped", "time-recorded"),
                        Map.of("colour", "red", "cause", "BORED"),
                        "x".repeat(501)));

        assertEquals(
                Set.of("url", "types[1]", "filter.cause", "filter.colour", "description"),
                invalid.violations().stream().map(Violation::field).collect(Collectors.toSet()));
    }

    @Test
    void onlyHttpAndHttpsUrlsWithAHost() {
        for (String url : List.of("ftp://example.com/x", "/relative", "mailto:pm@example.com", "http:///nohost")) {
            InvalidInput invalid =
                    assertThrows(InvalidInput.class, () -> local.spec(url, List.of("task-blocked"), null, null), url);
            assertEquals("url", invalid.violations().get(0).field(), url);
        }
    }

    @Test
    void productionTakesHttpsOnly() {
        InvalidInput invalid = assertThrows(
                InvalidInput.class,
                () -> production.spec("http://pm.example.com/hooks", List.of("task-blocked"), null, null));
        assertEquals(
                new Violation("url", "webhooks must use https", "https"),
                invalid.violations().get(0));
        assertEquals(
                "https://pm.example.com/hooks",
                production
                        .spec("https://pm.example.com/hooks", List.of("task-blocked"), null, null)
                        .url()
                        .toString());
    }

    @Test
    void atLeastOneType() {
        InvalidInput invalid =
                assertThrows(InvalidInput.class, () -> local.spec("https://pm.example.com", List.of(), null, null));
        assertEquals("types", invalid.violations().get(0).field());
    }
}
