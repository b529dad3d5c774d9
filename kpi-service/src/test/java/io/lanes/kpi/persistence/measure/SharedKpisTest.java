package io.lanes.kpi.persistence.measure;

import static io.lanes.kpi.persistence.measure.KpiFixture.accepted;
import static io.lanes.kpi.persistence.measure.KpiFixture.at;
import static io.lanes.kpi.persistence.measure.KpiFixture.day;
import static io.lanes.kpi.persistence.measure.KpiFixture.march;
import static io.lanes.kpi.persistence.measure.KpiFixture.measured;
import static io.lanes.kpi.persistence.measure.KpiFixture.milestone;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lanes.contracts.matter.ClientFeedbackRecorded;
import io.lanes.contracts.matter.DeadlineMissed;
import io.lanes.contracts.matter.MatterClosed;
import io.lanes.contracts.matter.MilestoneCompleted;
import io.lanes.contracts.matter.WriteDownCause;
import io.lanes.contracts.matter.WriteDownRecorded;
import io.lanes.kpi.scorecard.Kpi;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The shared KPIs as pure functions of small in-memory firms; every expected number worked out in a comment. */
class SharedKpisTest {

    private static final UUID MATTER = UUID.randomUUID();

    @Test
    void missedDeadlinesAreTheShareOfHardDeadlinesDueInThePeriodThatWereMissed() {
        // Two hard deadlines due in March: one met, one missed; a soft milestone does not count -> 1 / 2.
        UUID met = UUID.randomUUID();
        UUID missed = UUID.randomUUID();
        UUID soft = UUID.randomUUID();
        Kpi.Measurement m = measured(
                SharedKpis::missedDeadlineRate,
                march(List.of(
                        accepted(
                                MATTER,
                                "02-20T10:00",
                                1,
                                "alice",
                                1,
                                "1000",
                                milestone(met, "03-05", true),
                                milestone(missed, "03-10", true),
                                milestone(soft, "03-12", false)),
                        new MilestoneCompleted(MATTER, met, day("03-05"), day("03-05"), true, true, at("03-05T17:00")),
                        new DeadlineMissed(MATTER, missed, "Filing", day("03-10"), at("03-11T06:00")))));
        assertEquals(new BigDecimal("0.5000"), m.value());
    }

    @Test
    void clientSatisfactionIsTheMeanScore() {
        // Scores 4 and 5 -> 4.50.
        Kpi.Measurement m = measured(
                SharedKpis::clientSatisfaction,
                march(List.of(
                        new ClientFeedbackRecorded(MATTER, UUID.randomUUID(), 4, null, at("03-05T10:00")),
                        new ClientFeedbackRecorded(MATTER, UUID.randomUUID(), 5, null, at("03-06T10:00")))));
        assertEquals(new BigDecimal("4.50"), m.value());
    }

    @Test
    void processWriteDownsAreTheProcessFailuresAndTheirShare() {
        // In the USD matter: 300 for a process failure and 100 negotiated -> 300.00, 300 / 400 = 0.7500 of all
        // write-downs; 50 on a matter whose currency is not known is kept apart, never added to USD.
        Kpi.Measurement m = measured(
                SharedKpis::processWriteDowns,
                march(List.of(
                        KpiFixture.accepted(MATTER, "02-20T10:00", 1, "alice", 1, "1000"),
                        new WriteDownRecorded(
                                UUID.randomUUID(),
                                UUID.randomUUID(),
                                new BigDecimal("50"),
                                WriteDownCause.PROCESS_FAILURE,
                                null,
                                at("03-05T11:00")),
                        new WriteDownRecorded(
                                MATTER,
                                UUID.randomUUID(),
                                new BigDecimal("300"),
                                WriteDownCause.PROCESS_FAILURE,
                                null,
                                at("03-05T10:00")),
                        new WriteDownRecorded(
                                MATTER,
                                UUID.randomUUID(),
                                new BigDecimal("100"),
                                WriteDownCause.CLIENT_NEGOTIATION,
                                null,
                                at("03-06T10:00")))));
        assertEquals(new BigDecimal("300.00"), m.value());
        assertEquals(new BigDecimal("0.7500"), m.details().get("shareOfAllWriteDowns"));
        assertEquals(
                List.of("(unknown)", "USD"),
                List.copyOf(((Map<?, ?>) m.details().get("byCurrency")).keySet()));
    }

    @Test
    void throughputIsMattersClosedPerResponsibleAttorneyOfOpenMatters() {
        // Alice and Bob each have a matter open in March; Alice's closed -> 1 / 2 = 0.50, by attorney {alice=1}.
        UUID alices = UUID.randomUUID();
        Kpi.Measurement m = measured(
                SharedKpis::throughputPerAttorney,
                march(List.of(
                        accepted(alices, "02-20T10:00", 1, "alice", 1, "1000"),
                        accepted(UUID.randomUUID(), "02-21T10:00", 1, "bob", 1, "1000"),
                        new MatterClosed(
                                alices, day("02-20"), day("06-30"), day("03-20"), "SIGNED", at("03-20T10:00")))));
        assertEquals(new BigDecimal("0.50"), m.value());
        assertEquals(Map.of("alice", 1L), m.details().get("byAttorney"));
    }
}
