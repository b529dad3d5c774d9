package io.lanes.opsconfig.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Set;

/** Settings of legal operations ({@code lanes.ops.*}). */
@ConfigMapping(prefix = "lanes.ops")
public interface OpsConfig {

    /** The practice area whose playbooks use the UTBMS litigation phases L100–L500. */
    @WithDefault("litigation")
    String litigationPracticeArea();

    /** The firm's phase codes for every other practice area (UTBMS project codes by default). */
    @WithDefault("P100,P200,P300,P400,P500")
    Set<String> firmPhaseCodes();

    /** How many distinct matters of one type must slip milestones of one template to raise a flag. */
    @WithDefault("3")
    int slipPatternMatters();

    /** The window (days) within which those slips must be detected. */
    @WithDefault("30")
    int slipPatternWindowDays();

    /** How long a draft's replay may take in matter-service before this service answers 503. */
    @WithDefault("60s")
    Duration replayTimeout();

    /** Whether to publish the starter playbooks on first start, for matter types that have none. */
    @WithDefault("true")
    boolean loadStarterPlaybooks();
}
