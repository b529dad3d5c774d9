package io.lanes.matter.service;

import io.lanes.matter.domain.Matter;
import io.lanes.platform.security.Caller;

/**
 * Who may see a matter: a caller who works for its team and is not walled off it by an ethical
 * screen. To anyone else the matter does not exist (404), so a screen reveals nothing.
 */
final class MatterAccess {

    private MatterAccess() {}

    static boolean permits(Caller caller, Matter matter) {
        String team = matter.packet() == null ? null : matter.packet().routing().team();
        return caller.worksFor(team) && !matter.screenedUsers().contains(caller.name());
    }
}
