package io.lanes.kpi.scorecard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The scorecard filters; a null filter matches everything (the SQL is in KpiContext.scope). The playbook
 * version keeps the matters accepted on that version of their type's playbook: a version's cohort, which
 * a playbook's impact compares with the version before.
 */
public record Scope(String practiceArea, String matterType, String team, Integer playbookVersion) {

    public static final Scope ALL = new Scope(null, null, null);

    public Scope(String practiceArea, String matterType, String team) {
        this(practiceArea, matterType, team, null);
    }

    public boolean isAll() {
        return practiceArea == null && matterType == null && team == null && playbookVersion == null;
    }

    /** The cohort of matters of {@code matterType} accepted on its playbook's {@code version}. */
    public static Scope cohort(String matterType, int version) {
        return new Scope(null, matterType, null, version);
    }

    /** The filters that are set, for answers and snapshots. */
    public Map<String, String> asMap() {
        Map<String, String> set = new LinkedHashMap<>();
        set.put("practiceArea", practiceArea);
        set.put("matterType", matterType);
        set.put("team", team);
        set.put("playbookVersion", playbookVersion == null ? null : playbookVersion.toString());
        set.values().removeIf(Objects::isNull);
        return set;
    }
}
