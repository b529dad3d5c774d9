package io.lanes.kpi.persistence.measure;

import io.lanes.kpi.scorecard.FirmDefaults;
import io.lanes.kpi.scorecard.Period;
import io.lanes.kpi.scorecard.Playbooks;
import io.lanes.kpi.scorecard.ReportDelivery;
import io.lanes.kpi.scorecard.Scope;
import io.lanes.platform.firm.Firm;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Makes the contexts KPIs are computed in, over this service's read models. */
@ApplicationScoped
public class KpiContexts {

    private final Pool pool;
    private final FirmDefaults defaults;
    private final Firm firm;

    public KpiContexts(Pool pool, FirmDefaults defaults, Firm firm) {
        this.pool = pool;
        this.defaults = defaults;
        this.firm = firm;
    }

    public KpiContext of(
            List<Period> periods, Scope scope, Instant now, List<ReportDelivery> deliveries, Playbooks playbooks) {
        return new KpiContext(periods, scope, now, deliveries, defaults, firm, playbooks, pool);
    }
}
