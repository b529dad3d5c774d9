package io.lanes.matter.ledes;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line item of a LEDES 1998B file, its fields typed. The invoice fields repeat on every line of
 * the invoice, as the format has them. Optional fields are null when empty; amounts that may be
 * empty (units, unit cost, adjustment of an invoice-level adjustment) are zero.
 *
 * @param line the line of the file it was read from (the first item is line 3), 0 when written
 */
public record LedesLineItem(
        int line,
        LocalDate invoiceDate,
        String invoiceNumber,
        String clientId,
        String lawFirmMatterId,
        BigDecimal invoiceTotal,
        LocalDate billingStartDate,
        LocalDate billingEndDate,
        String invoiceDescription,
        String lineItemNumber,
        LineType type,
        BigDecimal units,
        BigDecimal adjustment,
        BigDecimal total,
        LocalDate date,
        String taskCode,
        String expenseCode,
        String activityCode,
        String timekeeperId,
        String description,
        String lawFirmId,
        BigDecimal unitCost,
        String timekeeperName,
        String timekeeperClassification,
        String clientMatterId) {

    /** The invoice this line belongs to: invoice numbers are unique per law firm. */
    public InvoiceKey invoice() {
        return new InvoiceKey(lawFirmId, invoiceNumber);
    }

    public record InvoiceKey(String lawFirmId, String invoiceNumber) {}
}
