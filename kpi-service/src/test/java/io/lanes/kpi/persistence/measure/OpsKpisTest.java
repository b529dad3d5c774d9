package io.lanes.kpi.persistence.measure;

import static io.lanes.kpi.persistence.measure.KpiFixture.accepted;
import static io.lanes.kpi.persistence.measure.KpiFixture.at;
import static io.lanes.kpi.persistence.measure.KpiFixture.day;
import static io.lanes.kpi.persistence.measure.KpiFixture.march;
import static io.lanes.kpi.persistence.measure.KpiFixture.marchInBatches;
import static io.lanes.kpi.persistence.measure.KpiFixture.measured;
import static io.lanes.kpi.persistence.measure.KpiFixture.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.lanes.contracts.KpiKey;
import io.lanes.contracts.LanesEvent;
import io.lanes.contracts.Routing;
import io.lanes.contracts.intake.IntakeComplete;
import io.lanes.contracts.intake.IntakeIncomplete;
import io.lanes.contracts.matter.HandoffRejected;
import io.lanes.contracts.matter.RejectionCode;
import io.lanes.contracts.matter.RejectionReason;
import io.lanes.contracts.matter.TimeRecorded;
import io.lanes.contracts.matter.TimekeeperRole;
import io.lanes.contracts.opsconfig.PlaybookPublished;
import io.lanes.contracts.opsconfig.PlaybookPublished.Thresholds;
import io.lanes.kpi.scorecard.Kpi;
import io.lanes.kpi.scorecard.ReportDelivery;
import io.lanes.kpi.scorecard.Scope;
import io.lanes.platform.firm.Firm;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The ops KPIs as pure functions of small in-memory firms; every expected number worked out in a comment. */
class OpsKpisTest {

    @Test
    void intakeToOpenHoursIsTheMedianOfAcceptancesInThePeriod() {
        // March: 10 h and 30 h -> median 20.00, p90 by nearest rank (ceil(0.9 x 2) = 2nd) 30.00; February's 99 h is
        // out.
        KpiContext c = march(List.of(
                accepted(UUID.randomUUID(), "03-03T10:00", 10, "alice", 1, "1000"),
                accepted(UUID.randomUUID(), "03-20T10:00", 30, "alice", 1, "1000"),
                accepted(UUID.randomUUID(), "02-20T10:00", 99, "alice", 1, "1000")));
        Kpi.Measurement m = measured(OpsKpis::intakeToOpenHours, c);
        assertEquals(new BigDecimal("20.00"), m.value());
        assertEquals(new BigDecimal("30.00"), m.details().get("p90"));
        assertEquals(2, m.sampleSize());
        // The values a playbook's impact ranks are the ones the median is taken over.
        assertEquals(List.of("10", "30"), sample(KpiKey.INTAKE_TO_OPEN_HOURS, c));
    }

    @Test
    void dataCompletenessIsTheShareCompleteOnTheFirstSubmissionWithAbandonedIntakesIncomplete() {
        // First submitted in March: two complete at once, one complete on its second attempt, one submitted
        // incomplete and never again (abandoned: the worst data, not missing data) -> 2 / 4.
        UUID retried = UUID.randomUUID();
        Kpi.Measurement m = measured(
                OpsKpis::dataCompletenessRate,
                march(List.of(
                        complete(UUID.randomUUID(), 1),
                        complete(UUID.randomUUID(), 1),
                        incomplete(retried, 1),
                        complete(retried, 2),
                        incomplete(UUID.randomUUID(), 1))));
        assertEquals(new BigDecimal("0.5000"), m.value());
        assertEquals(2L, m.numerator());
        assertEquals(4L, m.denominator());
        assertEquals(1L, m.details().get("abandoned"));
    }

    @Test
    void sopAdoptionCountsAcceptancesOnTheNewestVersion() {
        // Versions 1 (January) and 2 (March 2nd); accepted on 2 after it was published (adopted), on 1 after it
        // (not), and on 1 before version 2 existed (adopted) -> 2 / 3.
        Kpi.Measurement m = measured(
                OpsKpis::sopAdoptionRate,
                march(List.of(
                        playbook(1, "01-05T09:00"),
                        playbook(2, "03-02T09:00"),
                        accepted(UUID.randomUUID(), "03-10T10:00", 5, "alice", 2, "1000"),
                        accepted(UUID.randomUUID(), "03-11T10:00", 5, "alice", 1, "1000"),
                        accepted(UUID.randomUUID(), "03-01T10:00", 5, "alice", 1, "1000"))));
        assertEquals(new BigDecimal("0.6667"), m.value());
    }

    @Test
    void reworkIsRejectionsOverAllHandoffDecisions() {
        // 1 rejection and 3 acceptances in March -> 1 / 4.
        UUID rejected = UUID.randomUUID();
        Kpi.Measurement m = measured(
                OpsKpis::handoffReworkRate,
                march(List.of(
                        accepted(UUID.randomUUID(), "03-03T10:00", 1, "alice", 1, "1000"),
                        accepted(UUID.randomUUID(), "03-04T10:00", 1, "alice", 1, "1000"),
                        accepted(UUID.randomUUID(), "03-05T10:00", 1, "alice", 1, "1000"),
                        new HandoffRejected(
                                rejected,
                                UUID.randomUUID(),
                                "p.patel",
                                List.of(new RejectionReason(RejectionCode.MISSING_INFORMATION, "No venue")),
                                at("03-06T10:00")))));
        assertEquals(new BigDecimal("0.2500"), m.value());
        assertEquals(Map.of("MISSING_INFORMATION", 1L), m.details().get("rejectionsByReason"));
    }

    @Test
    void billingTimelinessCountsEntriesWithinTheWindowFromTheStartOfTheWorkDay() {
        // Work on 03-10, recorded 20 h after midnight (timely under 24 h) and 57 h after (late) -> 1 / 2.
        UUID matter = UUID.randomUUID();
        Kpi.Measurement m = measured(
                OpsKpis::billingTimelinessRate,
                march(List.of(
                        accepted(matter, "03-01T10:00", 1, "alice", 1, "1000"),
                        time(matter, TimekeeperRole.ATTORNEY, "2", false, "03-10", at("03-10T20:00")),
                        time(matter, TimekeeperRole.ATTORNEY, "2", false, "03-10", at("03-12T09:00")))));
        assertEquals(new BigDecimal("0.5000"), m.value());
    }

    @Test
    void periodsAreTheFirmsCalendarDays() {
        // A New York firm: an entry at 23:30 on March 31st in New York (04:30 UTC on April 1st, EDT) is March's,
        // and one at 21:00 on February 28th (02:00 UTC on March 1st, EST) is February's. Recorded 23.5 h after the
        // start of its New York work day, the first is on time (a UTC day would make it 27.5 h, late).
        UUID matter = UUID.randomUUID();
        Firm newYork = new Firm("America/New_York", "USD");
        Kpi.Measurement m = measured(
                OpsKpis::billingTimelinessRate,
                march(
                        List.of(
                                accepted(matter, "02-01T10:00", 1, "alice", 1, "1000"),
                                time(
                                        matter,
                                        TimekeeperRole.ATTORNEY,
                                        "1",
                                        false,
                                        "03-31",
                                        Instant.parse("2025-04-01T03:30:00Z")),
                                time(
                                        matter,
                                        TimekeeperRole.ATTORNEY,
                                        "1",
                                        false,
                                        "02-28",
                                        Instant.parse("2025-03-01T02:00:00Z"))),
                        List.of(),
                        newYork));
        assertEquals(1L, m.denominator());
        assertEquals(1L, m.numerator());
    }

    @Test
    void attorneyAdminHoursArePerAttorneyWeekAndCompareWithThePreviousPeriod() {
        // March: attorney admin 2 + 1.5 = 3.5 h (paralegal admin and attorney legal work do not count), one
        // attorney with time, 31 / 7 weeks -> 3.5 x 7 / 31 = 0.79; the 31 days before: 1 h x 7 / 31 = 0.23;
        // change +0.56.
        UUID matter = UUID.randomUUID();
        Kpi.Measurement m = measured(
                OpsKpis::attorneyAdminHours,
                march(List.of(
                        accepted(matter, "02-01T10:00", 1, "alice", 1, "1000"),
                        time(matter, TimekeeperRole.ATTORNEY, "2", true, "03-03", at("03-03T12:00")),
                        time(matter, TimekeeperRole.ATTORNEY, "1.5", true, "03-04", at("03-04T12:00")),
                        time(matter, TimekeeperRole.PARALEGAL, "3", true, "03-04", at("03-04T12:00")),
                        time(matter, TimekeeperRole.ATTORNEY, "5", false, "03-05", at("03-05T12:00")),
                        time(matter, TimekeeperRole.ATTORNEY, "1", true, "02-10", at("02-10T12:00")))));
        assertEquals(new BigDecimal("0.79"), m.value());
        assertEquals(new BigDecimal("0.23"), m.details().get("previousPeriod"));
        assertEquals(new BigDecimal("0.56"), m.details().get("change"));
    }

    @Test
    void timeRecordedBeforeItsMattersProfileIsKnownCountsUnderThatProfileOnceItArrives() {
        // Batch 1: an attorney's admin entry on a matter nobody has described yet. Batch 2: its acceptance
        // (corporate, contract-review, deals). Filtered to corporate the entry counts; to litigation it does not.
        UUID matter = UUID.randomUUID();
        List<List<? extends LanesEvent>> batches = List.of(
                List.of(time(matter, TimekeeperRole.ATTORNEY, "2", true, "03-10", at("03-10T20:00"))),
                List.of(accepted(matter, "03-01T10:00", 1, "alice", 1, "1000")));
        KpiContext corporate = marchInBatches(new Scope("corporate", "contract-review", "deals"), batches);
        assertEquals(1L, measured(OpsKpis::billingTimelinessRate, corporate).numerator());
        assertEquals(
                1L, measured(OpsKpis::attorneyAdminHours, corporate).details().get("attorneys"));

        KpiContext litigation = marchInBatches(new Scope("litigation", null, null), batches);
        assertEquals(0L, measured(OpsKpis::billingTimelinessRate, litigation).denominator());
        assertNull(measured(OpsKpis::attorneyAdminHours, litigation).value());
    }

    @Test
    void reportDeliveryCountsSnapshotsProducedWithinTheHour() {
        // Three March slots: produced 10 min late (on time), 2 h late (late), never (late) -> 1 / 3.
        Instant first = at("03-03T06:00");
        Instant second = at("03-10T06:00");
        Instant third = at("03-17T06:00");
        Kpi.Measurement m = measured(
                OpsKpis::reportDeliveryRate,
                march(
                        List.of(),
                        List.of(
                                new ReportDelivery(first, first.plusSeconds(600)),
                                new ReportDelivery(second, second.plusSeconds(7200)),
                                new ReportDelivery(third, null))));
        assertEquals(new BigDecimal("0.3333"), m.value());
    }

    @Test
    void aPeriodWithoutDataHasNoValue() {
        assertNull(measured(OpsKpis::intakeToOpenHours, march(List.of())).value());
        assertNull(measured(OpsKpis::dataCompletenessRate, march(List.of())).value());
        assertNull(measured(OpsKpis::attorneyAdminHours, march(List.of())).value());
    }

    private static IntakeIncomplete incomplete(UUID intake, int attempt) {
        return new IntakeIncomplete(
                intake,
                "contract-review",
                "corporate",
                List.of("counterparty"),
                List.of(),
                attempt,
                1,
                "i.jones",
                at("03-0" + attempt + "T09:00"));
    }

    private static IntakeComplete complete(UUID intake, int attempt) {
        return new IntakeComplete(
                intake,
                "contract-review",
                "corporate",
                "Acme MSA",
                null,
                Map.of(),
                List.of(),
                List.of(),
                null,
                "USD",
                new Routing("deals", null),
                at("03-01T09:00"),
                attempt,
                1,
                "i.jones",
                at("03-0" + attempt + "T10:00"));
    }

    private static PlaybookPublished playbook(int version, String publishedAt) {
        return new PlaybookPublished(
                "contract-review",
                version,
                "corporate",
                "o.ramirez",
                List.of(),
                List.of(),
                new Routing("deals", null),
                List.of(),
                List.of(),
                List.of(),
                new Thresholds(BigDecimal.TEN, new BigDecimal("20"), 2, 14, 24, null, null),
                List.of(),
                Map.of(),
                at(publishedAt));
    }

    static TimeRecorded time(
            UUID matter, TimekeeperRole role, String hours, boolean admin, String workDay, Instant recordedAt) {
        return new TimeRecorded(
                matter,
                UUID.randomUUID(),
                "t.keeper",
                role,
                day(workDay),
                new BigDecimal(hours),
                new BigDecimal(hours).multiply(new BigDecimal("100")),
                "L100",
                null,
                "A101",
                true,
                admin,
                null,
                null,
                recordedAt);
    }
}
