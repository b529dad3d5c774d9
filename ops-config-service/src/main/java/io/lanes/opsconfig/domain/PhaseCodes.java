package io.lanes.opsconfig.domain;

import java.util.Set;

/**
 * Which UTBMS phase codes a playbook may use: the litigation code set (L100–L500) for litigation
 * matter types, the firm's own set for the others (configuration, e.g. the project codes P100–P500).
 */
public record PhaseCodes(String litigationPracticeArea, Set<String> litigation, Set<String> firm) {

    public static final Set<String> LITIGATION = Set.of("L100", "L200", "L300", "L400", "L500");

    public Set<String> allowedFor(String practiceArea) {
        return litigationPracticeArea.equalsIgnoreCase(practiceArea) ? litigation : firm;
    }
}
