package io.lanes.platform.security;

import java.util.Set;

/**
 * Who is asking: the user, their roles and the teams whose matters they work on (from the token's
 * teams claim). Leadership and admin work across teams; so does a user whose teams include
 * {@link #EVERY_TEAM}, which the identity provider grants deliberately to firm-wide PMs.
 */
public record Caller(String name, Set<String> roles, Set<String> teams) {

    public static final String EVERY_TEAM = "*";

    public Caller {
        roles = Set.copyOf(roles);
        teams = Set.copyOf(teams);
    }

    /** Lanes itself acting (detection, imports of its own): every matter, no person to screen. */
    public static Caller system(String name) {
        return new Caller(name, Set.of(Roles.ADMIN), Set.of(EVERY_TEAM));
    }

    public boolean worksAcrossTeams() {
        return roles.contains(Roles.LEADERSHIP) || roles.contains(Roles.ADMIN) || teams.contains(EVERY_TEAM);
    }

    /** Whether a matter of {@code team} is this caller's to see, ethical screens aside. */
    public boolean worksFor(String team) {
        return worksAcrossTeams() || (team != null && teams.contains(team));
    }
}
