package io.lanes.matter.service;

import io.lanes.eventstore.aggregate.AggregateRepository.Outcome;
import io.lanes.matter.config.MatterConfig;
import io.lanes.matter.domain.MatterCommand;
import io.lanes.matter.domain.MatterCommand.RecordTime;
import io.lanes.matter.ledes.LedesField;
import io.lanes.matter.ledes.LedesLineItem;
import io.lanes.matter.ledes.LedesParser;
import io.lanes.matter.ledes.LineError;
import io.lanes.matter.ledes.LineType;
import io.lanes.matter.ledes.TimekeeperClassification;
import io.lanes.matter.ledes.UtbmsTask;
import io.lanes.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Imports the fee lines of a LEDES 1998B file as time entries: each on the matter whose number or
 * billing id its LAW_FIRM_MATTER_ID names, exactly as a PM's typed entry (budget levels included).
 * A line is identified by LAW_FIRM_ID, INVOICE_NUMBER and LINE_ITEM_NUMBER, so a file imported twice
 * records nothing new. Each matter's lines are recorded in one transaction; a bad line is reported
 * and the others are recorded.
 */
@ApplicationScoped
public class TimeImport {

    private static final BigDecimal MAX_HOURS = new BigDecimal("24");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");

    /** What an import did with each line: lines = imported + duplicates + skipped + rejected. */
    public record Report(
            int invoices,
            int lines,
            int imported,
            int duplicates,
            int skipped,
            int rejected,
            List<LineError> errors,
            List<SkippedLine> skippedLines) {}

    public record SkippedLine(int line, String reason) {}

    private final MatterService matters;
    private final String billingSystem;

    public TimeImport(MatterService matters, MatterConfig config) {
        this.matters = matters;
        this.billingSystem = config.ledes().billingSystem();
    }

    /** Parses and imports {@code file}; a file that is not LEDES 1998B throws before anything is recorded. */
    public Uni<Report> importFile(byte[] file, Caller caller) {
        LedesParser.Parsed parsed = LedesParser.parse(file);
        Tally tally = new Tally(parsed);
        List<LedesLineItem> fees = new ArrayList<>();
        for (LedesLineItem item : parsed.items()) {
            if (parsed.unbalanced().contains(item.invoice())) {
                tally.skip(
                        item, "invoice " + item.invoiceNumber() + " does not add up, so none of its lines is imported");
            } else if (item.type() == LineType.E) {
                tally.skip(item, "an expense: Lanes records time, not expenses");
            } else if (item.type() != LineType.F) {
                tally.skip(item, "an invoice-level adjustment: Lanes records time entries, not invoice adjustments");
            } else if (tally.withinLimits(item)) {
                fees.add(item);
            }
        }
        Set<String> names = fees.stream().map(LedesLineItem::lawFirmMatterId).collect(Collectors.toSet());
        return matters.resolve(names, billingSystem, caller).chain(found -> {
            Map<UUID, List<LedesLineItem>> byMatter = new LinkedHashMap<>();
            for (LedesLineItem fee : fees) {
                UUID matter = found.get(fee.lawFirmMatterId());
                if (matter == null) {
                    tally.reject(
                            fee,
                            LedesField.LAW_FIRM_MATTER_ID,
                            fee.lawFirmMatterId() + " is neither a matter number nor a " + billingSystem + " id");
                } else {
                    byMatter.computeIfAbsent(matter, m -> new ArrayList<>()).add(fee);
                }
            }
            Uni<Void> recorded = Uni.createFrom().voidItem();
            for (Map.Entry<UUID, List<LedesLineItem>> matter : byMatter.entrySet()) {
                recorded = recorded.call(() -> record(matter.getKey(), matter.getValue(), caller, tally));
            }
            return recorded.map(done -> tally.report());
        });
    }

    /** One matter's fee lines: those of the matter's phases are decided together, the rest reported. */
    private Uni<Void> record(UUID matterId, List<LedesLineItem> fees, Caller caller, Tally tally) {
        return matters.getWithPlaybook(matterId, null, caller).chain(context -> {
            Set<String> phases = context.phases();
            List<LedesLineItem> recordable = new ArrayList<>();
            for (LedesLineItem fee : fees) {
                String phase = UtbmsTask.phaseOf(fee.taskCode());
                if (phases.contains(phase)) {
                    recordable.add(fee);
                } else {
                    tally.reject(
                            fee,
                            LedesField.LINE_ITEM_TASK_CODE,
                            "phase " + phase + " of " + fee.taskCode() + " is not a phase of matter "
                                    + fee.lawFirmMatterId() + " " + phases);
                }
            }
            if (recordable.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return matters.handleEach(
                            matterId,
                            caller,
                            current -> recordable.stream()
                                    .map(fee -> command(fee, current))
                                    .collect(Collectors.toList()))
                    .invoke(outcomes -> tally.recorded(recordable, outcomes))
                    .replaceWithVoid();
        });
    }

    private MatterCommand command(LedesLineItem fee, MatterService.Context context) {
        return new RecordTime(
                entryId(fee),
                fee.timekeeperId(),
                TimekeeperClassification.role(fee.timekeeperClassification()),
                fee.date(),
                fee.units(),
                fee.total(),
                UtbmsTask.phaseOf(fee.taskCode()),
                UtbmsTask.taskOrNull(fee.taskCode()),
                fee.activityCode(),
                true,
                false,
                fee.timekeeperName(),
                fee.description(),
                context.playbook().thresholds(),
                context.routes(),
                matters.now());
    }

    /** The line's identity in the billing system, as a stable entry id. */
    static UUID entryId(LedesLineItem fee) {
        String identity = "ledes:" + fee.lawFirmId() + "|" + fee.invoiceNumber() + "|" + fee.lineItemNumber();
        return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8));
    }

    /** Counts what became of each line of one import. */
    private static final class Tally {

        private final LedesParser.Parsed parsed;
        private final List<LineError> errors;
        private final Set<Integer> rejected = new HashSet<>();
        private final List<SkippedLine> skipped = new ArrayList<>();
        private int imported;
        private int duplicates;

        Tally(LedesParser.Parsed parsed) {
            this.parsed = parsed;
            this.errors = new ArrayList<>(parsed.errors());
            parsed.errors().forEach(e -> rejected.add(e.line()));
        }

        void skip(LedesLineItem item, String reason) {
            if (!rejected.contains(item.line())) {
                skipped.add(new SkippedLine(item.line(), reason));
            }
        }

        void reject(LedesLineItem item, LedesField field, String message) {
            errors.add(new LineError(item.line(), field.header(), message));
            rejected.add(item.line());
        }

        /** Within what a typed entry may be: up to 24 hours to the hundredth, an amount to the cent. */
        boolean withinLimits(LedesLineItem fee) {
            boolean ok = true;
            if (fee.units().abs().compareTo(MAX_HOURS) > 0
                    || fee.units().stripTrailingZeros().scale() > 2) {
                reject(fee, LedesField.LINE_ITEM_NUMBER_OF_UNITS, "must be at most 24 hours, to the hundredth");
                ok = false;
            }
            if (fee.total().abs().compareTo(MAX_AMOUNT) > 0) {
                reject(fee, LedesField.LINE_ITEM_TOTAL, "must be less than 10,000,000,000");
                ok = false;
            }
            if (fee.timekeeperId().length() > 100) {
                reject(fee, LedesField.TIMEKEEPER_ID, "must be at most 100 characters");
                ok = false;
            }
            if (fee.timekeeperName() != null && fee.timekeeperName().length() > 200) {
                reject(fee, LedesField.TIMEKEEPER_NAME, "must be at most 200 characters");
                ok = false;
            }
            if (fee.description() != null && fee.description().length() > 4000) {
                reject(fee, LedesField.LINE_ITEM_DESCRIPTION, "must be at most 4000 characters");
                ok = false;
            }
            return ok;
        }

        void recorded(List<LedesLineItem> fees, List<Outcome> outcomes) {
            for (int i = 0; i < fees.size(); i++) {
                Outcome outcome = outcomes.get(i);
                if (outcome.refused()) {
                    reject(
                            fees.get(i),
                            LedesField.LAW_FIRM_MATTER_ID,
                            outcome.refusal().getMessage());
                } else if (outcome.events() == 0) {
                    duplicates++;
                } else {
                    imported++;
                }
            }
        }

        Report report() {
            errors.sort((a, b) -> Integer.compare(a.line(), b.line()));
            return new Report(
                    parsed.invoices(),
                    parsed.lines(),
                    imported,
                    duplicates,
                    skipped.size(),
                    rejected.size(),
                    List.copyOf(errors),
                    List.copyOf(skipped));
        }
    }
}
