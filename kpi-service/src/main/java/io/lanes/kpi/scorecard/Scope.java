package io.lanes.kpi.scorecard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The scorecard filters; a null filter matches everything (the SQL is in KpiContext.scope). */
public record Scope(String practiceArea, String matterType, String team) {

    public static final Scope ALL = new Scope(null, null, null);

    public boolean isAll() {
        return practiceArea == null && matterType == null && team == null;
    }

    /** The filters that are set, for answers and snapshots. */
    public Map<String, String> asMap() {
        Map<String, String> set = new LinkedHashMap<>();
        set.put("practiceArea", practiceArea);
        set.put("matterType", matterType);
        set.put("team", team);
        set.values().removeIf(Objects::isNull);
        return set;
    }
}
