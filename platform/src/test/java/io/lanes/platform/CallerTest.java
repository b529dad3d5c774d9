package io.lanes.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lanes.platform.security.Caller;
import io.lanes.platform.security.Roles;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which team's matters a caller works on: their teams; every team for leadership, admin and "*". */
class CallerTest {

    @Test
    void aPmWorksForTheTeamsInTheTokenOnly() {
        Caller pm = new Caller("l.ortiz", Set.of(Roles.PM), Set.of("litigation-east", "employment"));
        assertTrue(pm.worksFor("employment"));
        assertFalse(pm.worksFor("real-estate"));
        assertFalse(pm.worksFor(null), "a matter without a team is only for those who work across teams");
        assertFalse(new Caller("no.teams", Set.of(Roles.PM), Set.of()).worksFor("employment"), "fails closed");
    }

    @Test
    void leadershipAdminAndEveryTeamWorkAcrossTeams() {
        for (Caller across : Set.of(
                new Caller("m.lee", Set.of(Roles.LEADERSHIP), Set.of()),
                new Caller("admin.user", Set.of(Roles.ADMIN), Set.of()),
                new Caller("head.pm", Set.of(Roles.PM), Set.of(Caller.EVERY_TEAM)),
                Caller.system("lanes-detection"))) {
            assertTrue(across.worksFor("real-estate"), across.name());
            assertTrue(across.worksFor(null), across.name());
        }
    }
}
