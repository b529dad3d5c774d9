package io.lanes.matter.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/** Settings of legal project management ({@code lanes.matter.*}; detection's interval is {@code lanes.detection.interval}). */
@ConfigMapping(prefix = "lanes.matter")
public interface MatterConfig {

    /** The firm's holidays, which are not business days (ISO dates, comma separated). */
    Optional<Set<LocalDate>> holidays();

    /** Whether scheduled detection runs in this instance. */
    @WithDefault("true")
    boolean detectionEnabled();
}
