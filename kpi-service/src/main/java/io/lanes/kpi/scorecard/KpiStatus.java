package io.lanes.kpi.scorecard;

public enum KpiStatus {
    ON_TARGET,
    OFF_TARGET,
    NO_DATA
}
