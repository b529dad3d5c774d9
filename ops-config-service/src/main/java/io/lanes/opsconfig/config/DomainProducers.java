package io.lanes.opsconfig.config;

import io.lanes.opsconfig.domain.PhaseCodes;
import io.lanes.opsconfig.domain.PlaybookRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Builds the pure domain objects from configuration, so the domain package stays free of CDI. */
@ApplicationScoped
public class DomainProducers {

    @Produces
    @ApplicationScoped
    PlaybookRules playbookRules(OpsConfig config) {
        return new PlaybookRules(
                new PhaseCodes(config.litigationPracticeArea(), PhaseCodes.LITIGATION, config.firmPhaseCodes()));
    }
}
