package io.lanes.kpi.impact;

/** What a comparison of two cohorts says about a KPI. */
public enum Verdict {
    /** Beyond chance, in the direction the KPI counts as better. */
    BETTER,
    /** Beyond chance, in the direction the KPI counts as worse. */
    WORSE,
    /** A difference chance alone explains at the significance level. */
    WITHIN_CHANCE,
    /** A cohort has fewer items than the minimum sample, or no value: no test is made. */
    NOT_ENOUGH_DATA
}
