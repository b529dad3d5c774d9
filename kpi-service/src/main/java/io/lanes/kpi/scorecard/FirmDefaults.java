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

    /** Budget variance above this percentage puts a matter "over plan" (docs/kpis.md, budgetVariancePct). */
    @WithDefault("10")
    BigDecimal varianceTolerancePct();

    default BigDecimal target(KpiKey key) {
        return targets().get(key.key());
    }
}
