package io.lanes.kpi.persistence;

import io.lanes.contracts.matter.EscalationCause;
import io.lanes.contracts.matter.Severity;
import io.lanes.kpi.persistence.measure.Portfolio;
import io.lanes.kpi.scorecard.MatterScorecard;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** One matter's PM view from the read models: a handful of small queries by matter id. */
@ApplicationScoped
public class MatterScorecards {

    /** A matter's scorecard and the users screened from it. */
    public record Found(MatterScorecard scorecard, Set<String> screened) {}

    private static final String MATTER = "SELECT m.matter_number, m.practice_area, m.matter_type, m.team, "
            + "m.responsible_attorney, m.accepted_at, m.closed_at, m.currency, "
            + Portfolio.budgetAsOf("m.budget", "m.budget_revised", "m.matter_id", "'TOTAL'", "'infinity'::timestamptz")
            + " FROM kpi_matter m WHERE m.matter_id = $1 AND m.accepted_at IS NOT NULL";
    private static final String MILESTONES = "SELECT count(*), count(completed_at), "
            + "count(*) FILTER (WHERE completed_on <= baseline_due), count(slipped_at), count(deadline_missed_at), "
            + "count(*) FILTER (WHERE completed_at IS NOT NULL OR slipped_at IS NOT NULL) "
            + "FROM kpi_milestone WHERE matter_id = $1";
    private static final String TASKS = "SELECT task_id, COALESCE(completed_due, assigned_due), completed_on, on_time "
            + "FROM kpi_task WHERE matter_id = $1 ORDER BY 2, 1";
    private static final String PHASES = "SELECT p.phase, "
            + Portfolio.budgetAsOf("p.budget", "p.revised", "p.matter_id", "p.phase", "'infinity'::timestamptz")
            + ", COALESCE((SELECT sum(x.amount) FROM kpi_time x "
            + "WHERE x.matter_id = p.matter_id AND x.phase = p.phase), 0) FROM kpi_phase_budget p "
            + "WHERE p.matter_id = $1 ORDER BY p.phase";
    private static final String UNBUDGETED = "SELECT x.phase, sum(x.amount) FROM kpi_time x WHERE x.matter_id = $1 "
            + "AND NOT EXISTS (SELECT 1 FROM kpi_phase_budget p WHERE p.matter_id = x.matter_id AND p.phase = x.phase) "
            + "GROUP BY x.phase ORDER BY x.phase";
    private static final String OPEN_ESCALATIONS = "SELECT escalation_id, cause, severity, related_id, assigned_to, "
            + "raised_at FROM kpi_escalation WHERE matter_id = $1 AND resolved_at IS NULL AND raised_at IS NOT NULL "
            + "ORDER BY raised_at, escalation_id";
    private static final String SCREENED = "SELECT user_name FROM kpi_screen WHERE matter_id = $1 AND screened";

    private final Pool pool;

    public MatterScorecards(Pool pool) {
        this.pool = pool;
    }

    /** The matter's scorecard as of {@code today}; empty when no acceptance of it is known. */
    public Uni<Optional<Found>> of(UUID matterId, LocalDate today) {
        Tuple id = Tuple.of(matterId);
        return pool.preparedQuery(MATTER).execute(id).chain(matter -> {
            if (matter.size() == 0) {
                return Uni.createFrom().item(Optional.<Found>empty());
            }
            return Uni.combine()
                    .all()
                    .unis(
                            pool.preparedQuery(MILESTONES).execute(id),
                            pool.preparedQuery(TASKS).execute(id),
                            pool.preparedQuery(PHASES).execute(id),
                            pool.preparedQuery(UNBUDGETED).execute(id),
                            pool.preparedQuery(OPEN_ESCALATIONS).execute(id),
                            pool.preparedQuery(SCREENED).execute(id))
                    .asTuple()
                    .map(rows -> Optional.of(new Found(
                            scorecard(
                                    matterId,
                                    matter.iterator().next(),
                                    rows.getItem1().iterator().next(),
                                    tasks(rows.getItem2(), today),
                                    budget(matter.iterator().next(), rows.getItem3(), rows.getItem4()),
                                    escalations(rows.getItem5())),
                            screened(rows.getItem6()))));
        });
    }

    private static MatterScorecard scorecard(
            UUID matterId,
            Row matter,
            Row milestones,
            MatterScorecard.Tasks tasks,
            List<MatterScorecard.PhaseBudget> budget,
            List<MatterScorecard.OpenEscalation> escalations) {
        long decided = milestones.getLong(5);
        long onTime = milestones.getLong(2);
        return new MatterScorecard(
                matterId,
                matter.getString(0),
                matter.getString(1),
                matter.getString(2),
                matter.getString(3),
                matter.getString(4),
                instant(matter.getOffsetDateTime(5)),
                instant(matter.getOffsetDateTime(6)),
                new MatterScorecard.Milestones(
                        milestones.getLong(0),
                        milestones.getLong(1),
                        onTime,
                        milestones.getLong(3),
                        milestones.getLong(4),
                        decided == 0
                                ? null
                                : BigDecimal.valueOf(onTime)
                                        .divide(BigDecimal.valueOf(decided), 4, RoundingMode.HALF_UP)),
                tasks,
                matter.getString(7),
                budget,
                escalations);
    }

    /** Overdue as of {@code today}: completed late, or still open on a day after its due date. */
    private static MatterScorecard.Tasks tasks(RowSet<Row> rows, LocalDate today) {
        List<MatterScorecard.OverdueTask> overdue = new ArrayList<>();
        long completed = 0;
        for (Row row : rows) {
            Boolean onTime = row.getBoolean(3);
            LocalDate due = row.getLocalDate(1);
            if (onTime != null) {
                completed++;
            }
            if (onTime != null ? !onTime : due != null && due.isBefore(today)) {
                overdue.add(new MatterScorecard.OverdueTask(row.getUUID(0), due, row.getLocalDate(2)));
            }
        }
        return new MatterScorecard.Tasks(rows.size(), completed, overdue);
    }

    private static List<MatterScorecard.PhaseBudget> budget(Row matter, RowSet<Row> phases, RowSet<Row> unbudgeted) {
        Map<String, BigDecimal[]> lines = new LinkedHashMap<>();
        for (Row row : phases) {
            lines.put(row.getString(0), new BigDecimal[] {row.getBigDecimal(1), row.getBigDecimal(2)});
        }
        for (Row row : unbudgeted) {
            lines.put(row.getString(0), new BigDecimal[] {BigDecimal.ZERO, row.getBigDecimal(1)});
        }
        List<MatterScorecard.PhaseBudget> budget = new ArrayList<>();
        BigDecimal actual = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal[]> line : lines.entrySet()) {
            budget.add(phase(line.getKey(), line.getValue()[0], line.getValue()[1]));
            actual = actual.add(line.getValue()[1]);
        }
        BigDecimal total = matter.getBigDecimal(8) == null ? BigDecimal.ZERO : matter.getBigDecimal(8);
        budget.add(phase("TOTAL", total, actual));
        return budget;
    }

    private static MatterScorecard.PhaseBudget phase(String phase, BigDecimal budget, BigDecimal actual) {
        BigDecimal variance = budget.signum() <= 0
                ? null
                : actual.subtract(budget).multiply(BigDecimal.valueOf(100)).divide(budget, 2, RoundingMode.HALF_UP);
        return new MatterScorecard.PhaseBudget(phase, budget, actual, variance);
    }

    private static List<MatterScorecard.OpenEscalation> escalations(RowSet<Row> rows) {
        List<MatterScorecard.OpenEscalation> open = new ArrayList<>();
        for (Row row : rows) {
            open.add(new MatterScorecard.OpenEscalation(
                    row.getUUID(0),
                    row.getString(1) == null ? null : EscalationCause.valueOf(row.getString(1)),
                    row.getString(2) == null ? null : Severity.valueOf(row.getString(2)),
                    row.getString(3),
                    row.getString(4),
                    instant(row.getOffsetDateTime(5))));
        }
        return open;
    }

    private static Set<String> screened(RowSet<Row> rows) {
        Set<String> users = new HashSet<>();
        rows.forEach(row -> users.add(row.getString(0)));
        return users;
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
