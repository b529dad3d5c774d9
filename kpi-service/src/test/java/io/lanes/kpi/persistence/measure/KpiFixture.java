package io.lanes.kpi.persistence.measure;

import io.lanes.contracts.CloudEvent;
import io.lanes.contracts.EventType;
import io.lanes.contracts.IncomingEvent;
import io.lanes.contracts.KpiKey;
import io.lanes.contracts.LanesEvent;
import io.lanes.contracts.matter.Budget;
import io.lanes.contracts.matter.HandoffAccepted;
import io.lanes.contracts.matter.PhaseAmount;
import io.lanes.contracts.matter.PlannedMilestone;
import io.lanes.contracts.matter.PlannedTask;
import io.lanes.contracts.opsconfig.PlaybookPublished;
import io.lanes.kpi.readmodel.ReadModel;
import io.lanes.kpi.readmodel.ReadModelRow;
import io.lanes.kpi.readmodel.ReadModelRows;
import io.lanes.kpi.readmodel.ReadModelWrites;
import io.lanes.kpi.readmodel.SqlStatement;
import io.lanes.kpi.scorecard.FirmDefaults;
import io.lanes.kpi.scorecard.Kpi;
import io.lanes.kpi.scorecard.Period;
import io.lanes.kpi.scorecard.Playbooks;
import io.lanes.kpi.scorecard.ReportDelivery;
import io.lanes.kpi.scorecard.Scope;
import io.lanes.platform.firm.Firm;
import io.lanes.testing.LanesInfra;
import io.lanes.testing.PostgresDatabase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** Small firms for the KPI queries' tests, in read models of their own: March 2025, judged after it ended. */
public final class KpiFixture {

    public static final Period MARCH = new Period(LocalDate.parse("2025-03-01"), LocalDate.parse("2025-04-01"));
    public static final Instant AFTER_MARCH = Instant.parse("2025-04-15T00:00:00Z");

    /** Targets for the KPIs the tests judge; thresholds as the firm defaults ship. */
    public static final FirmDefaults DEFAULTS = new FirmDefaults() {
        @Override
        public Map<String, BigDecimal> targets() {
            return Map.of(
                    "intakeToOpenHours",
                    new BigDecimal("48"),
                    "sopAdoptionRate",
                    new BigDecimal("0.9"),
                    "handoffReworkRate",
                    new BigDecimal("0.1"),
                    "onTimeMilestoneRate",
                    new BigDecimal("0.85"),
                    "budgetVariancePct",
                    BigDecimal.TEN);
        }

        @Override
        public int billingTimelinessHours() {
            return 24;
        }

        @Override
        public BigDecimal varianceTolerancePct() {
            return BigDecimal.TEN;
        }
    };

    /** The read models live in a schema of their own here, so these tests never meet the services' data. */
    private static final String SCHEMA = "kpi_unit";

    private static Pool pool;

    private KpiFixture() {}

    /** What the scorecard of March sees of {@code events}, unfiltered: their read-model rows, freshly written. */
    public static KpiContext march(List<? extends LanesEvent> events) {
        return march(events, List.of());
    }

    public static KpiContext march(List<? extends LanesEvent> events, List<ReportDelivery> deliveries) {
        return march(events, deliveries, new Firm("UTC", "USD"));
    }

    /** March in the calendar of {@code firm}. */
    public static KpiContext march(List<? extends LanesEvent> events, List<ReportDelivery> deliveries, Firm firm) {
        Pool readModels = readModels();
        write(readModels, events);
        return new KpiContext(
                List.of(MARCH), Scope.ALL, AFTER_MARCH, deliveries, DEFAULTS, firm, playbooks(events), readModels);
    }

    /** What the scorecard of March filtered to {@code scope} sees of events consumed in {@code batches}, in order. */
    public static KpiContext marchInBatches(Scope scope, List<List<? extends LanesEvent>> batches) {
        Pool readModels = readModels();
        batches.forEach(batch -> write(readModels, batch));
        List<LanesEvent> events = new ArrayList<>();
        batches.forEach(events::addAll);
        return new KpiContext(
                List.of(MARCH),
                scope,
                AFTER_MARCH,
                List.of(),
                DEFAULTS,
                new Firm("UTC", "USD"),
                playbooks(events),
                readModels);
    }

    /** The read-model writes of one consumed batch. */
    private static void write(Pool readModels, List<? extends LanesEvent> events) {
        List<ReadModelRow> rows = new ArrayList<>();
        long sequence = 0;
        for (LanesEvent event : events) {
            CloudEvent envelope = CloudEvent.of(event, UUID.randomUUID(), ++sequence);
            rows.addAll(ReadModelRows.of(new IncomingEvent(envelope, EventType.of(event), event)));
        }
        for (SqlStatement statement : ReadModelWrites.of(rows, "")) {
            readModels
                    .preparedQuery(statement.sql())
                    .execute(Tuple.from(new ArrayList<Object>(statement.values())))
                    .await()
                    .indefinitely();
        }
    }

    private static Playbooks playbooks(List<? extends LanesEvent> events) {
        return new Playbooks(events.stream()
                .filter(PlaybookPublished.class::isInstance)
                .map(PlaybookPublished.class::cast)
                .toList());
    }

    /** The values a median KPI is taken over, smallest first, as plain numbers without trailing zeros. */
    public static List<String> sample(KpiKey key, KpiContext c) {
        return KpiSamples.of(key, c).await().indefinitely().stream()
                .sorted()
                .map(v -> v.stripTrailingZeros().toPlainString())
                .toList();
    }

    /** The one period's measurement of a KPI. */
    public static Kpi.Measurement measured(Function<KpiContext, Uni<List<Kpi.Measurement>>> kpi, KpiContext c) {
        return kpi.apply(c).await().indefinitely().get(0);
    }

    /**
     * A pool whose connections see only schema {@value #SCHEMA}, its tables created by the service's own
     * migrations and emptied for each fixture.
     */
    private static synchronized Pool readModels() {
        PostgresDatabase database = LanesInfra.get().database();
        if (pool == null) {
            try (Connection connection = database.connect();
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE; CREATE SCHEMA " + SCHEMA
                        + "; SET search_path TO " + SCHEMA);
                for (String migration : List.of(
                        "V1__facts.sql",
                        "V2__snapshots.sql",
                        "V3__read_models.sql",
                        "V4__milestone_phase_index.sql",
                        "V5__time_entry_profiles.sql",
                        "V6__budget_revisions.sql")) {
                    statement.execute(resource("db/migration/" + migration));
                }
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("cannot prepare the read-model schema", e);
            }
            PgConnectOptions options = PgConnectOptions.fromUri(database.reactiveUrl())
                    .setUser(database.username())
                    .setPassword(database.password())
                    .setProperties(Map.of("search_path", SCHEMA));
            pool = PgBuilder.pool().connectingTo(options).using(Vertx.vertx()).build();
        }
        String tables = Arrays.stream(ReadModel.values())
                .map(ReadModel::table)
                .reduce((a, b) -> a + ", " + b)
                .orElseThrow();
        pool.query("TRUNCATE " + tables).execute().await().indefinitely();
        return pool;
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = KpiFixture.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    public static Instant at(String dayTime) {
        return Instant.parse("2025-" + dayTime + ":00Z");
    }

    public static LocalDate day(String monthDay) {
        return LocalDate.parse("2025-" + monthDay);
    }

    /**
     * A matter accepted at {@code acceptedAt} on version {@code version} of the contract-review playbook,
     * with its intake received {@code hoursWaiting} before, a budget and milestones.
     */
    public static HandoffAccepted accepted(
            UUID matter,
            String acceptedAt,
            long hoursWaiting,
            String attorney,
            int version,
            String budget,
            PlannedMilestone... milestones) {
        return accepted(matter, acceptedAt, hoursWaiting, attorney, version, budget, List.of(milestones), List.of());
    }

    /** A matter accepted on {@code acceptedAt} whose playbook gave it {@code tasks}. */
    public static HandoffAccepted acceptedWithTasks(UUID matter, String acceptedAt, PlannedTask... tasks) {
        return accepted(matter, acceptedAt, 1, "alice", 1, "1000", List.of(), List.of(tasks));
    }

    private static HandoffAccepted accepted(
            UUID matter,
            String acceptedAt,
            long hoursWaiting,
            String attorney,
            int version,
            String budget,
            List<PlannedMilestone> milestones,
            List<PlannedTask> tasks) {
        Instant at = at(acceptedAt);
        return new HandoffAccepted(
                matter,
                null,
                UUID.randomUUID(),
                at.minusSeconds(hoursWaiting * 3600),
                "p.patel",
                "corporate",
                "contract-review",
                "deals",
                attorney,
                version,
                true,
                "USD",
                new Budget(new BigDecimal(budget), List.of(new PhaseAmount("L100", new BigDecimal(budget)))),
                milestones,
                tasks,
                day("06-30"),
                List.of(),
                at);
    }

    public static PlannedMilestone milestone(UUID id, String due, boolean hardDeadline) {
        return new PlannedMilestone(id, "review", "Review", day(due), "associate", "L100", hardDeadline);
    }
}
