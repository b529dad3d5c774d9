package io.lanes.kpi.scorecard;

import io.lanes.contracts.KpiKey;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Firm-wide defaults: a KPI target wherever no playbook sets one, and the playbook thresholds
 * kpi-service needs when a matter's playbook is unknown to it.
 */
@ConfigMapping(prefix = "lanes.kpi")
public interface FirmDefaults {

    /** Target per KPI key; every key of {@link KpiKey} must have one (checked at start-up). */
    Map<String, BigDecimal> targets();

    @WithDefault("24")
    int billingTimelinessHours();

    @WithDefault("10")
    BigDecimal budgetWarningPct();

    default BigDecimal target(KpiKey key) {
        return targets().get(key.key());
    }
}
