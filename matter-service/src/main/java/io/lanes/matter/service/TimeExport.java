package io.lanes.matter.service;

import io.lanes.contracts.EventType;
import io.lanes.contracts.matter.TimeRecorded;
import io.lanes.matter.config.MatterConfig;
import io.lanes.matter.domain.Matter;
import io.lanes.matter.ledes.LedesLineItem;
import io.lanes.matter.ledes.LedesWriter;
import io.lanes.matter.ledes.LineType;
import io.lanes.matter.ledes.TimekeeperClassification;
import io.lanes.platform.problem.ProblemException;
import io.lanes.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A matter's billable time between two dates as one LEDES 1998B invoice, for an e-billing platform.
 * The invoice number is the matter number and the last day ({@code 2026-00042-20260331}), so the same
 * export twice is the same invoice; the matter is named by its billing id when it has one.
 */
@ApplicationScoped
public class TimeExport {

    public static final String CLIENT_SYSTEM = "client";
    public static final String CLIENT_MATTER_SYSTEM = "client-matter";
    private static final DateTimeFormatter INVOICE_DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /** The file, and the name it is offered under. */
    public record Invoice(String fileName, String ledes) {}

    private final MatterService matters;
    private final String lawFirmId;
    private final String billingSystem;

    public TimeExport(MatterService matters, MatterConfig config) {
        this.matters = matters;
        this.lawFirmId = config.ledes().lawFirmId();
        this.billingSystem = config.ledes().billingSystem();
    }

    /** The billable time worked from {@code from} (null: the first entry) to {@code to} (null: today). */
    public Uni<Invoice> export(UUID matterId, LocalDate from, LocalDate to, Caller caller) {
        LocalDate last = to != null ? to : matters.today();
        return matters.history(matterId, caller).map(history -> {
            Matter matter = matters.fold(history).state();
            List<TimeRecorded> time = history.stream()
                    .filter(e -> e.ceType().equals(EventType.TIME_RECORDED.ceType()))
                    .map(e -> (TimeRecorded) e.event())
                    .filter(t -> t.billable()
                            && (from == null || !t.workDate().isBefore(from))
                            && !t.workDate().isAfter(last))
                    .sorted(Comparator.comparing(TimeRecorded::workDate))
                    .collect(Collectors.toList());
            if (time.isEmpty()) {
                throw ProblemException.notFound(
                        "billable time of matter",
                        matterId + " from " + (from == null ? "its start" : from) + " to " + last);
            }
            LocalDate first = from != null ? from : time.get(0).workDate();
            return new Invoice(
                    invoiceNumber(matter, last) + ".ledes", LedesWriter.write(lines(matter, time, first, last)));
        });
    }

    private List<LedesLineItem> lines(Matter matter, List<TimeRecorded> time, LocalDate first, LocalDate last) {
        BigDecimal total = time.stream().map(TimeRecorded::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        String invoiceNumber = invoiceNumber(matter, last);
        String firmMatterId = matter.externalIds().getOrDefault(billingSystem, name(matter));
        String clientId = matter.externalIds()
                .getOrDefault(CLIENT_SYSTEM, matter.packet().client().name());
        List<LedesLineItem> lines = new ArrayList<>();
        for (TimeRecorded t : time) {
            BigDecimal unitCost =
                    t.hours().signum() == 0 ? BigDecimal.ZERO : t.amount().divide(t.hours(), 2, RoundingMode.HALF_UP);
            BigDecimal adjustment =
                    t.amount().subtract(t.hours().multiply(unitCost).setScale(2, RoundingMode.HALF_UP));
            lines.add(new LedesLineItem(
                    0,
                    last,
                    invoiceNumber,
                    clientId,
                    firmMatterId,
                    total,
                    first,
                    last,
                    matter.packet().matterName(),
                    String.valueOf(lines.size() + 1),
                    LineType.F,
                    t.hours(),
                    adjustment,
                    t.amount(),
                    t.workDate(),
                    t.taskCode() != null ? t.taskCode() : t.phase(),
                    null,
                    t.activityCode(),
                    t.timekeeper(),
                    t.description(),
                    lawFirmId,
                    unitCost,
                    t.timekeeperName() != null ? t.timekeeperName() : t.timekeeper(),
                    TimekeeperClassification.of(t.timekeeperRole()),
                    matter.externalIds().get(CLIENT_MATTER_SYSTEM)));
        }
        return lines;
    }

    private static String invoiceNumber(Matter matter, LocalDate last) {
        return name(matter) + "-" + INVOICE_DAY.format(last);
    }

    /** The matter's number; its id for a matter accepted before numbers existed. */
    private static String name(Matter matter) {
        return matter.number() != null ? matter.number() : matter.id().toString();
    }
}
