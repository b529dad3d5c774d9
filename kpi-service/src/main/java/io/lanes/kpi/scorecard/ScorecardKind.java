package io.lanes.kpi.scorecard;

import io.lanes.contracts.KpiKey;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The three scorecards, as the API paths name them. */
public enum ScorecardKind {
    OPS(KpiKey.Scorecard.OPS),
    PM(KpiKey.Scorecard.PM),
    SHARED(KpiKey.Scorecard.SHARED);

    private final KpiKey.Scorecard scorecard;

    ScorecardKind(KpiKey.Scorecard scorecard) {
        this.scorecard = scorecard;
    }

    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean holds(KpiKey key) {
        return key.scorecard() == scorecard;
    }

    public static Optional<ScorecardKind> fromPath(String path) {
        return Arrays.stream(values()).filter(k -> k.path().equals(path)).findFirst();
    }
}
