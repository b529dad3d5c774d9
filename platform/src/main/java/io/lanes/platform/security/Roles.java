package io.lanes.platform.security;

/**
 * The roles of Lanes, carried in the bearer token's {@code groups} claim. Use the constants in
 * {@code @RolesAllowed} so a typo is a compile error.
 */
public final class Roles {

    /** Intake staff: create, edit and submit intakes. */
    public static final String INTAKE = "intake";
    /** Legal project managers: accept handoffs, run matters. */
    public static final String PM = "pm";
    /** Legal operations: write playbooks, read the ops scorecard. */
    public static final String OPS = "ops";
    /** Firm leadership: every scorecard. */
    public static final String LEADERSHIP = "leadership";
    /** Operators: rebuilds and internal endpoints. */
    public static final String ADMIN = "admin";

    private Roles() {}
}
