package io.lanes.matter.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Settings of legal project management ({@code lanes.matter.*}; detection's interval is {@code lanes.detection.interval}). */
@ConfigMapping(prefix = "lanes.matter")
public interface MatterConfig {

    /** The firm's holidays, which are not business days (ISO dates, comma separated). */
    Optional<Set<LocalDate>> holidays();

    /**
     * The lead of each team (team name to user id), whom an escalation path's {@code teamLead} step
     * names; a team without one falls back to the matter's responsible attorney.
     */
    Map<String, String> teamLeads();

    /** Whether scheduled detection runs in this instance. */
    @WithDefault("true")
    boolean detectionEnabled();

    /**
     * How a matter's number is written: a {@link java.util.Formatter} pattern given the acceptance date
     * ({@code %1$}) and the sequence ({@code %2$}). The default {@code %1$tY-%2$05d} gives 2026-00042.
     * Numbers count up per period: the pattern written with sequence 0 (2026-00000), so the default
     * starts again each year and a pattern without a date never does.
     */
    @WithDefault("%1$tY-%2$05d")
    String numberFormat();

    /** The largest JSON body a command takes, in bytes (imports have their own limit). */
    @WithDefault("262144")
    int maxJsonBytes();

    Ledes ledes();

    Replay replay();

    /** Bounds of a playbook replay ({@code POST /replays}): it reads a window's whole history. */
    interface Replay {

        /** The longest window of acceptance dates one replay covers, in days (from and to included). */
        @WithDefault("400")
        int maxWindowDays();

        /** The most matters one replay covers. */
        @WithDefault("5000")
        int maxMatters();

        /** How many threads replay the matters (the reading is one more); the machine's cores, say. */
        @WithDefault("2")
        int threads();

        /** How long a replay may compute before it gives up with 503. */
        @WithDefault("30s")
        Duration timeout();
    }

    /** LEDES 1998B: imports of billing-system time, exports to e-billing platforms. */
    interface Ledes {

        /** The largest import accepted, in bytes (a year of a busy matter's time is far below it). */
        @WithDefault("4194304")
        int maxImportBytes();

        /** The external-id system whose ids a file's LAW_FIRM_MATTER_ID may name, besides matter numbers. */
        @WithDefault("billing")
        String billingSystem();

        /** The firm's LAW_FIRM_ID in exports (usually its tax id). */
        @WithDefault("LANES")
        String lawFirmId();
    }
}
