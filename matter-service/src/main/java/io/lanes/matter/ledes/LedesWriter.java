package io.lanes.matter.ledes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes line items as a LEDES 1998B file, lines ended by CRLF as e-billing platforms expect. Text
 * cannot carry the format's delimiters: {@code |} becomes {@code /}, brackets become parentheses and
 * line breaks spaces.
 */
public final class LedesWriter {

    private static final String CRLF = "\r\n";
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\t]+");

    private LedesWriter() {}

    public static String write(List<LedesLineItem> items) {
        StringBuilder file = new StringBuilder()
                .append(LedesField.FORMAT_LINE)
                .append(CRLF)
                .append(LedesField.HEADER_LINE)
                .append(CRLF);
        for (LedesLineItem item : items) {
            String[] fields = {
                date(item.invoiceDate()),
                text(item.invoiceNumber()),
                text(item.clientId()),
                text(item.lawFirmMatterId()),
                money(item.invoiceTotal()),
                date(item.billingStartDate()),
                date(item.billingEndDate()),
                text(item.invoiceDescription()),
                text(item.lineItemNumber()),
                item.type().name(),
                item.units().stripTrailingZeros().toPlainString(),
                money(item.adjustment()),
                money(item.total()),
                date(item.date()),
                text(item.taskCode()),
                text(item.expenseCode()),
                text(item.activityCode()),
                text(item.timekeeperId()),
                text(item.description()),
                text(item.lawFirmId()),
                money(item.unitCost()),
                text(item.timekeeperName()),
                text(item.timekeeperClassification()),
                text(item.clientMatterId())
            };
            file.append(String.join("|", fields)).append("[]").append(CRLF);
        }
        return file.toString();
    }

    private static String date(LocalDate date) {
        return date == null ? "" : LedesParser.DATE.format(date);
    }

    private static String money(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String text(String value) {
        if (value == null) {
            return "";
        }
        return LINE_BREAKS
                .matcher(value.replace('|', '/').replace('[', '(').replace(']', ')'))
                .replaceAll(" ")
                .strip();
    }
}
