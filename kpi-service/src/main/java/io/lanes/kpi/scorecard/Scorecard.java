package io.lanes.kpi.scorecard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One scorecard for a period and filters. */
public record Scorecard(
        String scorecard, LocalDate from, LocalDate to, Map<String, String> filters, Instant asOf, List<Kpi> kpis) {

    public Optional<Kpi> kpi(String key) {
        return kpis.stream().filter(k -> k.key().equals(key)).findFirst();
    }
}
