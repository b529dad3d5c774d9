package io.lanes.contracts;

/** The CloudEvents {@code ce_source} of each producing service. */
public enum EventSource {
    INTAKE_SERVICE("/lanes/intake-service"),
    MATTER_SERVICE("/lanes/matter-service"),
    OPS_CONFIG_SERVICE("/lanes/ops-config-service"),
    KPI_SERVICE("/lanes/kpi-service"),
    SUBSCRIPTION_SERVICE("/lanes/subscription-service");

    private final String uri;

    EventSource(String uri) {
        this.uri = uri;
    }

    public String uri() {
        return uri;
    }
}
