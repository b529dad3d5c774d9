package io.lanes.kpi;

import io.lanes.contracts.CloudEvent;
import io.lanes.contracts.CloudEventCodec;
import io.lanes.contracts.EventType;
import io.lanes.contracts.LanesEvent;
import io.lanes.contracts.MatterIds;
import io.lanes.contracts.Routing;
import io.lanes.contracts.intake.IntakeComplete;
import io.lanes.contracts.intake.IntakeIncomplete;
import io.lanes.contracts.matter.Budget;
import io.lanes.contracts.matter.BudgetVariance;
import io.lanes.contracts.matter.ClientFeedbackRecorded;
import io.lanes.contracts.matter.DeadlineMissed;
import io.lanes.contracts.matter.EscalationCause;
import io.lanes.contracts.matter.EscalationRaised;
import io.lanes.contracts.matter.EscalationResolved;
import io.lanes.contracts.matter.HandoffAccepted;
import io.lanes.contracts.matter.HandoffReceived;
import io.lanes.contracts.matter.HandoffRejected;
import io.lanes.contracts.matter.MatterClosed;
import io.lanes.contracts.matter.MilestoneCompleted;
import io.lanes.contracts.matter.MilestoneReplanned;
import io.lanes.contracts.matter.MilestoneSlipped;
import io.lanes.contracts.matter.PhaseAmount;
import io.lanes.contracts.matter.PlannedMilestone;
import io.lanes.contracts.matter.RejectionCode;
import io.lanes.contracts.matter.RejectionReason;
import io.lanes.contracts.matter.Severity;
import io.lanes.contracts.matter.StatusUpdateSent;
import io.lanes.contracts.matter.TaskAssigned;
import io.lanes.contracts.matter.TaskCompleted;
import io.lanes.contracts.matter.TimeRecorded;
import io.lanes.contracts.matter.TimekeeperRole;
import io.lanes.contracts.matter.VarianceLevel;
import io.lanes.contracts.matter.WriteDownCause;
import io.lanes.contracts.matter.WriteDownRecorded;
import io.lanes.contracts.opsconfig.PlaybookPublished;
import io.lanes.contracts.opsconfig.PlaybookPublished.Thresholds;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The golden scenario: a small firm in March and April 2025 (years before any other test's events),
 * two practice areas (construction claims, lease reviews), seven matters and an abandoned intake. Every KPI of it is worked
 * out by hand in {@link GoldenScenarioTest}. Matter by matter:
 *
 * <pre>
 * Claims (construction) are in USD, the firm's base currency; lease reviews (real estate) in EUR.
 * M1 construction-claim, alice: received 03-02 09:00, complete 1st try, accepted 03-03 09:00 (24 h, v1)
 *    MS1a due 03-10 done on time; MS1b (hard) due 03-20 done on time; task T1 due 03-12 done 03-11
 *    time E1 (alice) work 03-04 rec 03-04 18:00 (18 h) 10 h 5000; E2 (alice) work 03-05 rec 03-07 10:00 (58 h, late)
 *    2 h 1000 admin; status update due 03-17 sent 03-16 on time; closed 04-20 (opened 03-03, planned 04-30: 48/58
 *    days); feedback 5 on 04-21
 * M2 construction-claim, bob: received 03-05 09:00, submitted incomplete 03-05, complete on attempt 2 (03-06),
 *    rejected 03-07 (MISSING_INFORMATION), complete on attempt 3 (03-09), accepted 03-10 09:00 (120 h, v1); budget 20000
 *    MS2a due 03-25 slipped 03-28 (escalation X2a, resolved after 48 h), done late 04-04; MS2b (hard) due 04-10,
 *    replanned 04-01 to 04-15, deadline missed 04-16, slipped 04-18 (X2b, never resolved); task T2 due 03-20 done
 *    03-23 (late); E3 (bob) work 03-12 rec 03-12 20:00 (20 h) 40 h 23000 -> WARNING; E4 (bob) work 04-02 rec 04-02
 *    10:00 4 h 2000 admin -> ESCALATION (X2c, resolved after 24 h); status window due 03-24 passed without update
 *    (overdue escalation 03-25); update due 04-07 sent 04-09 (late); write-down 1500 USD PROCESS_FAILURE on 04-25
 * M3 lease-review, carol: received 03-10 08:00, complete 1st try, accepted 03-11 08:00 (24 h, v1, checklist NOT complete)
 *    MS3a due 03-18 done 03-20 (late); E5 (pat, paralegal) work 03-12 rec 03-13 20:00 (44 h; lease reviews allow 48 h)
 *    5 h 2500; feedback 4 on 03-25; closed 03-31 (opened 03-11, planned 03-25, closed 03-31: 20/14 days);
 *    write-down 500 EUR CLIENT_NEGOTIATION on 03-31
 * M4 lease-review, carol: received 03-20 08:00, submitted incomplete 03-20, complete on attempt 2 (03-21), accepted
 *    03-23 08:00 (72 h, v1) with the PM overriding the playbook's signing milestone (planOverrides milestone:signing)
 *    MS4a (hard) due 04-06: deadline missed 04-07, slipped 04-09 (X4, resolved after 36 h); task T4 due 04-08 never done
 *    E6 (carol) work 04-01 rec 04-01 12:00 3 h 1500 admin; status update due 04-06 sent 04-05 on time;
 *    write-down 800 EUR PROCESS_FAILURE on 04-28
 * M5 construction-claim, alice: received 03-14 09:00, complete 1st try (v1), accepted 03-17 09:00 (72 h) on v1 although
 *    v2 was published 03-15 (not the standard playbook); MS5a due 04-03 done 04-02; MS5b due 04-08, replanned 04-04 to
 *    04-14, done 04-11 (on time against the replan, late against the baseline); E7 (alice) work 03-30 rec 03-30 22:00
 *    1.5 h 750 admin
 * M6 lease-review, dave: received 04-01 08:00, complete 1st try, rejected 04-02 (WRONG_ROUTING, SCOPE_UNCLEAR); never opened
 * M7 construction-claim, bob: received 04-05 08:00, complete 1st try (v2), accepted 04-07 08:00 (48 h, v2)
 *    MS7a (hard) due 04-20 done on time; MS7b due 05-10; task T7 due 04-25 done 04-24; feedback 3 on 04-28;
 *    closed 04-29 (opened 04-07, planned 04-28, closed 04-29: 22/21 days)
 * I8 lease-review: submitted incomplete 04-10 and never again (abandoned)
 * </pre>
 */
final class GoldenFirm {

    static final String CLAIM = "construction-claim";
    static final String LEASE = "lease-review";
    static final String CONSTRUCTION = "construction";
    static final String REAL_ESTATE = "real-estate";
    static final String CLAIM_TEAM = "construction-team";
    static final String LEASE_TEAM = "real-estate-team";

    /** The weekly snapshot slots of March and April 2025 (Mondays, 06:00 UTC). */
    static final List<Instant> SLOTS = List.of(
            at("03-03T06:00"),
            at("03-10T06:00"),
            at("03-17T06:00"),
            at("03-24T06:00"),
            at("03-31T06:00"),
            at("04-07T06:00"),
            at("04-14T06:00"),
            at("04-21T06:00"),
            at("04-28T06:00"));

    private final List<LanesEvent> events = new ArrayList<>();

    final UUID i1 = id("I1");
    final UUID i2 = id("I2");
    final UUID i3 = id("I3");
    final UUID i4 = id("I4");
    final UUID i5 = id("I5");
    final UUID i6 = id("I6");
    final UUID i7 = id("I7");
    final UUID i8 = id("I8");
    final UUID m1 = MatterIds.fromIntake(i1);
    final UUID m2 = MatterIds.fromIntake(i2);
    final UUID m3 = MatterIds.fromIntake(i3);
    final UUID m4 = MatterIds.fromIntake(i4);
    final UUID m5 = MatterIds.fromIntake(i5);
    final UUID m6 = MatterIds.fromIntake(i6);
    final UUID m7 = MatterIds.fromIntake(i7);

    GoldenFirm() {
        playbooks();
        matter1();
        matter2();
        matter3();
        matter4();
        matter5();
        matter6();
        matter7();
        intake8();
    }

    List<LanesEvent> events() {
        return List.copyOf(events);
    }

    /** Each event as the record its producer would publish: stream topic, key, a stable ce_id, its sequence. */
    List<ProducerRecord<String, byte[]>> records() {
        Map<String, Long> sequence = new HashMap<>();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            LanesEvent event = events.get(i);
            CloudEvent probe = CloudEvent.of(event, UUID.randomUUID(), 1);
            long seq = sequence.merge(probe.subject(), 1L, Long::sum);
            UUID ceId = UUID.nameUUIDFromBytes(("golden-event-" + i).getBytes(StandardCharsets.UTF_8));
            records.add(
                    CloudEventCodec.toRecord(EventType.of(event).topic().topicName(), CloudEvent.of(event, ceId, seq)));
        }
        return records;
    }

    private void playbooks() {
        events.add(playbook(
                CLAIM,
                1,
                CONSTRUCTION,
                CLAIM_TEAM,
                24,
                at("02-01T09:00"),
                Map.of("intakeToOpenHours", new BigDecimal("48"), "onTimeMilestoneRate", new BigDecimal("0.8"))));
        events.add(playbook(
                CLAIM,
                2,
                CONSTRUCTION,
                CLAIM_TEAM,
                24,
                at("03-15T00:00"),
                Map.of("intakeToOpenHours", new BigDecimal("48"), "onTimeMilestoneRate", new BigDecimal("0.8"))));
        events.add(playbook(
                LEASE,
                1,
                REAL_ESTATE,
                LEASE_TEAM,
                48,
                at("02-01T09:00"),
                Map.of("intakeToOpenHours", new BigDecimal("36"))));
    }

    private void matter1() {
        intake(i1, CLAIM, CONSTRUCTION, CLAIM_TEAM, "alice", "03-02T09:00", 1, 1, "03-02T10:00");
        events.add(new HandoffReceived(m1, i1, 1, CONSTRUCTION, CLAIM, CLAIM_TEAM, at("03-02T10:00")));
        UUID ms1a = id("MS1a");
        UUID ms1b = id("MS1b");
        events.add(accepted(
                m1,
                i1,
                CLAIM,
                CONSTRUCTION,
                CLAIM_TEAM,
                "alice",
                "03-02T09:00",
                1,
                true,
                "10000",
                List.of(milestone(ms1a, "pleadings", "03-10", false), milestone(ms1b, "filing", "03-20", true)),
                "04-30",
                List.of(),
                "03-03T09:00"));
        events.add(new MilestoneCompleted(m1, ms1a, date("03-10"), date("03-09"), true, false, at("03-09T12:00")));
        events.add(new MilestoneCompleted(m1, ms1b, date("03-20"), date("03-20"), true, true, at("03-20T12:00")));
        UUID t1 = id("T1");
        events.add(new TaskAssigned(m1, t1, ms1a, "Draft pleadings", "alice", date("03-12"), at("03-04T09:00")));
        events.add(new TaskCompleted(m1, t1, "alice", date("03-12"), date("03-11"), true, at("03-11T16:00")));
        events.add(time(m1, "E1", "alice", TimekeeperRole.ATTORNEY, "03-04", "10", "5000", false, "03-04T18:00"));
        events.add(time(m1, "E2", "alice", TimekeeperRole.ATTORNEY, "03-05", "2", "1000", true, "03-07T10:00"));
        events.add(
                new StatusUpdateSent(m1, id("U1"), date("03-17"), date("03-16"), true, "On plan", at("03-16T09:00")));
        events.add(new MatterClosed(m1, date("03-03"), date("04-30"), date("04-20"), "SETTLED", at("04-20T12:00")));
        events.add(new ClientFeedbackRecorded(m1, id("F1"), 5, null, at("04-21T09:00")));
    }

    private void matter2() {
        events.add(incomplete(i2, CLAIM, CONSTRUCTION, 1, "03-05T10:00"));
        intake(i2, CLAIM, CONSTRUCTION, CLAIM_TEAM, "bob", "03-05T09:00", 2, 1, "03-06T09:00");
        events.add(new HandoffReceived(m2, i2, 2, CONSTRUCTION, CLAIM, CLAIM_TEAM, at("03-06T09:00")));
        events.add(new HandoffRejected(
                m2,
                i2,
                "p.kim",
                List.of(new RejectionReason(RejectionCode.MISSING_INFORMATION, "No site reports")),
                at("03-07T09:00")));
        intake(i2, CLAIM, CONSTRUCTION, CLAIM_TEAM, "bob", "03-05T09:00", 3, 1, "03-09T09:00");
        events.add(new HandoffReceived(m2, i2, 3, CONSTRUCTION, CLAIM, CLAIM_TEAM, at("03-09T09:00")));
        UUID ms2a = id("MS2a");
        UUID ms2b = id("MS2b");
        events.add(accepted(
                m2,
                i2,
                CLAIM,
                CONSTRUCTION,
                CLAIM_TEAM,
                "bob",
                "03-05T09:00",
                1,
                true,
                "20000",
                List.of(milestone(ms2a, "pleadings", "03-25", false), milestone(ms2b, "filing", "04-10", true)),
                "06-30",
                List.of(),
                "03-10T09:00"));
        UUID x2a = id("X2a");
        events.add(new MilestoneSlipped(
                m2,
                ms2a,
                "pleadings",
                "Pleadings",
                date("03-25"),
                date("03-28"),
                3,
                "bob",
                "L200",
                false,
                x2a,
                at("03-28T06:00")));
        events.add(new EscalationRaised(
                m2,
                x2a,
                EscalationCause.MILESTONE_SLIPPED,
                Severity.WARNING,
                ms2a.toString(),
                "p.kim",
                at("03-28T06:00")));
        events.add(new EscalationResolved(
                m2,
                x2a,
                EscalationCause.MILESTONE_SLIPPED,
                at("03-28T06:00"),
                "p.kim",
                "Replanned with the client",
                at("03-30T06:00")));
        events.add(new MilestoneReplanned(
                m2, ms2b, date("04-10"), date("04-15"), "Court calendar", "p.kim", at("04-01T09:00")));
        events.add(new MilestoneCompleted(m2, ms2a, date("03-25"), date("04-04"), false, false, at("04-04T12:00")));
        events.add(new DeadlineMissed(m2, ms2b, "Filing", date("04-15"), at("04-16T06:00")));
        UUID x2b = id("X2b");
        events.add(new MilestoneSlipped(
                m2,
                ms2b,
                "filing",
                "Filing",
                date("04-15"),
                date("04-18"),
                3,
                "bob",
                "L200",
                true,
                x2b,
                at("04-18T06:00")));
        events.add(new EscalationRaised(
                m2,
                x2b,
                EscalationCause.MILESTONE_SLIPPED,
                Severity.CRITICAL,
                ms2b.toString(),
                "p.kim",
                at("04-18T06:00")));
        UUID t2 = id("T2");
        events.add(new TaskAssigned(m2, t2, ms2a, "Collect site reports", "bob", date("03-20"), at("03-10T10:00")));
        events.add(new TaskCompleted(m2, t2, "bob", date("03-20"), date("03-23"), false, at("03-23T15:00")));
        events.add(time(m2, "E3", "bob", TimekeeperRole.ATTORNEY, "03-12", "40", "23000", false, "03-12T20:00"));
        events.add(new BudgetVariance(
                m2,
                "TOTAL",
                new BigDecimal("20000"),
                new BigDecimal("23000"),
                new BigDecimal("15.0"),
                new BigDecimal("115.0"),
                VarianceLevel.WARNING,
                new BigDecimal("110"),
                null,
                at("03-12T20:00")));
        events.add(time(m2, "E4", "bob", TimekeeperRole.ATTORNEY, "04-02", "4", "2000", true, "04-02T10:00"));
        UUID x2c = id("X2c");
        events.add(new BudgetVariance(
                m2,
                "TOTAL",
                new BigDecimal("20000"),
                new BigDecimal("25000"),
                new BigDecimal("25.0"),
                new BigDecimal("125.0"),
                VarianceLevel.ESCALATION,
                new BigDecimal("120"),
                x2c,
                at("04-02T10:00")));
        events.add(new EscalationRaised(
                m2, x2c, EscalationCause.BUDGET_VARIANCE, Severity.CRITICAL, "TOTAL", "p.kim", at("04-02T10:00")));
        events.add(new EscalationResolved(
                m2,
                x2c,
                EscalationCause.BUDGET_VARIANCE,
                at("04-02T10:00"),
                "p.kim",
                "Budget revised with the client",
                at("04-03T10:00")));
        events.add(new EscalationRaised(
                m2,
                id("X2s"),
                EscalationCause.STATUS_UPDATE_OVERDUE,
                Severity.WARNING,
                "2025-03-24",
                "p.kim",
                at("03-25T06:00")));
        events.add(new StatusUpdateSent(
                m2, id("U2"), date("04-07"), date("04-09"), false, "Filing moved", at("04-09T09:00")));
        events.add(new WriteDownRecorded(
                m2,
                id("W2"),
                new BigDecimal("1500"),
                WriteDownCause.PROCESS_FAILURE,
                "Duplicate research",
                at("04-25T09:00")));
    }

    private void matter3() {
        intake(i3, LEASE, REAL_ESTATE, LEASE_TEAM, "carol", "03-10T08:00", 1, 1, "03-10T09:00");
        events.add(new HandoffReceived(m3, i3, 1, REAL_ESTATE, LEASE, LEASE_TEAM, at("03-10T09:00")));
        UUID ms3a = id("MS3a");
        events.add(accepted(
                m3,
                i3,
                LEASE,
                REAL_ESTATE,
                LEASE_TEAM,
                "carol",
                "03-10T08:00",
                1,
                false,
                "5000",
                List.of(milestone(ms3a, "redline", "03-18", false)),
                "03-25",
                List.of(),
                "03-11T08:00"));
        events.add(new MilestoneCompleted(m3, ms3a, date("03-18"), date("03-20"), false, false, at("03-20T10:00")));
        events.add(time(m3, "E5", "pat", TimekeeperRole.PARALEGAL, "03-12", "5", "2500", false, "03-13T20:00"));
        events.add(new ClientFeedbackRecorded(m3, id("F3"), 4, "Thorough", at("03-25T10:00")));
        events.add(new MatterClosed(m3, date("03-11"), date("03-25"), date("03-31"), "SIGNED", at("03-31T10:00")));
        events.add(new WriteDownRecorded(
                m3, id("W3"), new BigDecimal("500"), WriteDownCause.CLIENT_NEGOTIATION, null, at("03-31T11:00")));
    }

    private void matter4() {
        events.add(incomplete(i4, LEASE, REAL_ESTATE, 1, "03-20T09:00"));
        intake(i4, LEASE, REAL_ESTATE, LEASE_TEAM, "carol", "03-20T08:00", 2, 1, "03-21T08:00");
        events.add(new HandoffReceived(m4, i4, 2, REAL_ESTATE, LEASE, LEASE_TEAM, at("03-21T08:00")));
        UUID ms4a = id("MS4a");
        events.add(accepted(
                m4,
                i4,
                LEASE,
                REAL_ESTATE,
                LEASE_TEAM,
                "carol",
                "03-20T08:00",
                1,
                true,
                "8000",
                List.of(milestone(ms4a, "signing", "04-06", true)),
                "05-30",
                List.of("milestone:signing"),
                "03-23T08:00"));
        events.add(new DeadlineMissed(m4, ms4a, "Signing", date("04-06"), at("04-07T06:00")));
        UUID x4 = id("X4");
        events.add(new MilestoneSlipped(
                m4,
                ms4a,
                "signing",
                "Signing",
                date("04-06"),
                date("04-09"),
                3,
                "carol",
                "L100",
                true,
                x4,
                at("04-09T06:00")));
        events.add(new EscalationRaised(
                m4,
                x4,
                EscalationCause.MILESTONE_SLIPPED,
                Severity.CRITICAL,
                ms4a.toString(),
                "p.kim",
                at("04-09T06:00")));
        events.add(new EscalationResolved(
                m4,
                x4,
                EscalationCause.MILESTONE_SLIPPED,
                at("04-09T06:00"),
                "p.kim",
                "Signed late with consent",
                at("04-10T18:00")));
        events.add(
                new TaskAssigned(m4, id("T4"), ms4a, "Collect signatures", "carol", date("04-08"), at("03-24T09:00")));
        events.add(time(m4, "E6", "carol", TimekeeperRole.ATTORNEY, "04-01", "3", "1500", true, "04-01T12:00"));
        events.add(new StatusUpdateSent(
                m4, id("U4"), date("04-06"), date("04-05"), true, "Awaiting signatures", at("04-05T10:00")));
        events.add(new WriteDownRecorded(
                m4, id("W4"), new BigDecimal("800"), WriteDownCause.PROCESS_FAILURE, "Rework", at("04-28T09:00")));
    }

    /** I8: a lease review submitted incomplete on 04-10 and never again (abandoned). */
    private void intake8() {
        events.add(incomplete(i8, LEASE, REAL_ESTATE, 1, "04-10T09:00"));
    }

    private static IntakeIncomplete incomplete(UUID intakeId, String type, String area, int attempt, String at) {
        return new IntakeIncomplete(
                intakeId, type, area, List.of("leaseSchedule"), List.of(), attempt, 1, "i.jones", at(at));
    }

    private void matter5() {
        intake(i5, CLAIM, CONSTRUCTION, CLAIM_TEAM, "alice", "03-14T09:00", 1, 1, "03-14T10:00");
        events.add(new HandoffReceived(m5, i5, 1, CONSTRUCTION, CLAIM, CLAIM_TEAM, at("03-14T10:00")));
        UUID ms5a = id("MS5a");
        UUID ms5b = id("MS5b");
        events.add(accepted(
                m5,
                i5,
                CLAIM,
                CONSTRUCTION,
                CLAIM_TEAM,
                "alice",
                "03-14T09:00",
                1,
                true,
                "12000",
                List.of(milestone(ms5a, "pleadings", "04-03", false), milestone(ms5b, "disclosure", "04-08", false)),
                "07-31",
                List.of(),
                "03-17T09:00"));
        events.add(new MilestoneCompleted(m5, ms5a, date("04-03"), date("04-02"), true, false, at("04-02T15:00")));
        events.add(new MilestoneReplanned(
                m5, ms5b, date("04-08"), date("04-14"), "Client asked for more time", "p.kim", at("04-04T09:00")));
        events.add(new MilestoneCompleted(m5, ms5b, date("04-14"), date("04-11"), true, false, at("04-11T15:00")));
        events.add(time(m5, "E7", "alice", TimekeeperRole.ATTORNEY, "03-30", "1.5", "750", true, "03-30T22:00"));
    }

    private void matter6() {
        intake(i6, LEASE, REAL_ESTATE, LEASE_TEAM, "dave", "04-01T08:00", 1, 1, "04-01T09:00");
        events.add(new HandoffReceived(m6, i6, 1, REAL_ESTATE, LEASE, LEASE_TEAM, at("04-01T09:00")));
        events.add(new HandoffRejected(
                m6,
                i6,
                "p.kim",
                List.of(
                        new RejectionReason(RejectionCode.WRONG_ROUTING, "Belongs to construction"),
                        new RejectionReason(RejectionCode.SCOPE_UNCLEAR, "Which leases?")),
                at("04-02T08:00")));
    }

    private void matter7() {
        intake(i7, CLAIM, CONSTRUCTION, CLAIM_TEAM, "bob", "04-05T08:00", 1, 2, "04-06T08:00");
        events.add(new HandoffReceived(m7, i7, 1, CONSTRUCTION, CLAIM, CLAIM_TEAM, at("04-06T08:00")));
        UUID ms7a = id("MS7a");
        events.add(accepted(
                m7,
                i7,
                CLAIM,
                CONSTRUCTION,
                CLAIM_TEAM,
                "bob",
                "04-05T08:00",
                2,
                true,
                "6000",
                List.of(milestone(ms7a, "filing", "04-20", true), milestone(id("MS7b"), "hearing", "05-10", false)),
                "04-28",
                List.of(),
                "04-07T08:00"));
        events.add(new MilestoneCompleted(m7, ms7a, date("04-20"), date("04-20"), true, true, at("04-20T12:00")));
        UUID t7 = id("T7");
        events.add(new TaskAssigned(m7, t7, ms7a, "File claim", "bob", date("04-25"), at("04-08T09:00")));
        events.add(new TaskCompleted(m7, t7, "bob", date("04-25"), date("04-24"), true, at("04-24T11:00")));
        events.add(new ClientFeedbackRecorded(m7, id("F7"), 3, null, at("04-28T09:00")));
        events.add(new MatterClosed(m7, date("04-07"), date("04-28"), date("04-29"), "SETTLED", at("04-29T12:00")));
    }

    private void intake(
            UUID intakeId,
            String type,
            String area,
            String team,
            String attorney,
            String received,
            int attempt,
            int version,
            String at) {
        events.add(new IntakeComplete(
                intakeId,
                type,
                area,
                "Matter " + intakeId.toString().substring(0, 8),
                new IntakeComplete.Client("Client Ltd", IntakeComplete.ClientKind.ORGANIZATION, null),
                Map.of(),
                List.of(),
                List.of(),
                null,
                currency(type),
                new Routing(team, attorney),
                at(received),
                attempt,
                version,
                "i.jones",
                at(at)));
    }

    private static HandoffAccepted accepted(
            UUID matter,
            UUID intake,
            String type,
            String area,
            String team,
            String attorney,
            String received,
            int version,
            boolean checklist,
            String budget,
            List<PlannedMilestone> milestones,
            String plannedClose,
            List<String> overrides,
            String at) {
        return new HandoffAccepted(
                matter,
                null,
                intake,
                at(received),
                "p.kim",
                area,
                type,
                team,
                attorney,
                version,
                checklist,
                currency(type),
                new Budget(new BigDecimal(budget), List.of(new PhaseAmount("L100", new BigDecimal(budget)))),
                milestones,
                List.of(),
                date(plannedClose),
                overrides,
                at(at));
    }

    /** Claims are billed in US dollars (the firm's base currency), lease reviews in euros. */
    private static String currency(String type) {
        return type.equals(CLAIM) ? "USD" : "EUR";
    }

    private static PlannedMilestone milestone(UUID id, String templateKey, String due, boolean hard) {
        return new PlannedMilestone(
                id,
                templateKey,
                templateKey.substring(0, 1).toUpperCase() + templateKey.substring(1),
                date(due),
                "pm",
                "L100",
                hard);
    }

    private static TimeRecorded time(
            UUID matter,
            String entry,
            String timekeeper,
            TimekeeperRole role,
            String workDate,
            String hours,
            String amount,
            boolean admin,
            String at) {
        return new TimeRecorded(
                matter,
                id(entry),
                timekeeper,
                role,
                date(workDate),
                new BigDecimal(hours),
                new BigDecimal(amount),
                "L100",
                null,
                null,
                !admin,
                admin,
                null,
                null,
                at(at));
    }

    private static PlaybookPublished playbook(
            String type,
            int version,
            String area,
            String team,
            int billingHours,
            Instant at,
            Map<String, BigDecimal> targets) {
        return new PlaybookPublished(
                type,
                version,
                area,
                "o.ramirez",
                List.of(),
                List.of(),
                new Routing(team, null),
                List.of(),
                List.of(),
                List.of(new PlaybookPublished.BudgetPhase("L100", BigDecimal.ONE)),
                new Thresholds(BigDecimal.TEN, new BigDecimal("20"), 2, 14, billingHours, null, null),
                List.of(),
                targets,
                at);
    }

    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(("golden-" + name).getBytes(StandardCharsets.UTF_8));
    }

    static Instant at(String monthDayTime) {
        return Instant.parse("2025-" + monthDayTime + ":00Z");
    }

    static LocalDate date(String monthDay) {
        return LocalDate.parse("2025-" + monthDay);
    }
}
