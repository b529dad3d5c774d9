package io.lanes.matter.domain;

import io.lanes.contracts.matter.EscalationCause;
import io.lanes.contracts.opsconfig.PlaybookPublished.EscalationPath;
import io.lanes.contracts.opsconfig.PlaybookPublished.EscalationStep;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who answers an escalation: the playbook's escalation path for its cause, its roles resolved to the
 * people of the matter. Without a path an escalation goes to the accepting PM, as before paths existed.
 *
 * @param teamLeads the lead of each team ({@code lanes.matter.team-leads}), for the {@code teamLead} role
 */
public record EscalationRoutes(List<EscalationPath> paths, Map<String, String> teamLeads) {

    static final String PM = "pm";
    static final String RESPONSIBLE_ATTORNEY = "responsibleAttorney";
    static final String TEAM_LEAD = "teamLead";

    private static final BigDecimal MILLIS_PER_HOUR = BigDecimal.valueOf(3_600_000);

    /** No paths and no team leads: every escalation goes to the accepting PM. */
    public static final EscalationRoutes NONE = new EscalationRoutes(List.of(), Map.of());

    public EscalationRoutes {
        paths = List.copyOf(paths);
        teamLeads = Map.copyOf(teamLeads);
    }

    /** Who an escalation of {@code cause} raised now goes to: the first step of its path. */
    String firstAssignee(EscalationCause cause, Matter matter) {
        return path(cause).map(p -> person(p.steps().get(0).assignTo(), matter)).orElseGet(() -> person(PM, matter));
    }

    /**
     * The step an open escalation has reached by {@code now}: the last whose {@code afterHours} since it
     * was raised have passed, when that is past the escalation's level; empty when it stays where it is.
     */
    Optional<Reassignment> due(Escalation escalation, Matter matter, Instant now) {
        List<EscalationStep> steps =
                path(escalation.cause()).map(EscalationPath::steps).orElse(List.of());
        if (steps.size() <= escalation.level()) {
            return Optional.empty(); // at its path's last step already: detection asks every pass
        }
        BigDecimal hours = hoursBetween(escalation.raisedAt(), now);
        int reached = 0;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).afterHours().compareTo(hours) <= 0) {
                reached = i + 1;
            }
        }
        if (reached <= escalation.level()) {
            return Optional.empty();
        }
        return Optional.of(
                new Reassignment(reached, person(steps.get(reached - 1).assignTo(), matter)));
    }

    /** Hours from {@code from} to {@code to}, fractional (a test's path may wait seconds). */
    static BigDecimal hoursBetween(Instant from, Instant to) {
        return BigDecimal.valueOf(Duration.between(from, to).toMillis()).divide(MILLIS_PER_HOUR, 6, RoundingMode.DOWN);
    }

    /** The level an escalation reaches, and who answers it there. */
    record Reassignment(int level, String assignTo) {}

    /**
     * The person a role names on this matter. {@code pm} is the accepting PM (before acceptance, the
     * team lead); {@code responsibleAttorney} the routing's attorney (else the PM); {@code teamLead} the
     * team's lead (else the responsible attorney, else the PM, else the team itself as {@code team:<team>});
     * anything else is a user id.
     */
    String person(String role, Matter matter) {
        String attorney =
                matter.packet() == null ? null : matter.packet().routing().responsibleAttorney();
        String team = matter.packet() == null ? null : matter.packet().routing().team();
        String lead = team == null ? null : teamLeads.get(team);
        return switch (role) {
            case PM -> first(matter.acceptedBy(), lead, attorney, "team:" + team);
            case RESPONSIBLE_ATTORNEY -> first(attorney, matter.acceptedBy(), lead, "team:" + team);
            case TEAM_LEAD -> first(lead, attorney, matter.acceptedBy(), "team:" + team);
            default -> role;
        };
    }

    private Optional<EscalationPath> path(EscalationCause cause) {
        for (EscalationPath p : paths) { // a loop, not a stream: detection asks for every open escalation
            if (p.cause() == cause && !p.steps().isEmpty()) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static String first(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        throw new IllegalStateException("the last candidate is never null");
    }
}
