package io.lanes.matter.ledes;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Builds LEDES 1998B lines for tests: a valid fee line by default, any field changed by name. */
public final class LedesSample {

    private final Map<LedesField, String> values = new EnumMap<>(LedesField.class);

    private LedesSample() {
        values.put(LedesField.INVOICE_DATE, "20260331");
        values.put(LedesField.INVOICE_NUMBER, "INV-1001");
        values.put(LedesField.CLIENT_ID, "ACME");
        values.put(LedesField.LAW_FIRM_MATTER_ID, "10042-007");
        values.put(LedesField.INVOICE_TOTAL, "675.00");
        values.put(LedesField.BILLING_START_DATE, "20260301");
        values.put(LedesField.BILLING_END_DATE, "20260331");
        values.put(LedesField.INVOICE_DESCRIPTION, "Acme v. Globex: March");
        values.put(LedesField.LINE_ITEM_NUMBER, "1");
        values.put(LedesField.EXP_FEE_INV_ADJ_TYPE, "F");
        values.put(LedesField.LINE_ITEM_NUMBER_OF_UNITS, "1.5");
        values.put(LedesField.LINE_ITEM_ADJUSTMENT_AMOUNT, "0.00");
        values.put(LedesField.LINE_ITEM_TOTAL, "675.00");
        values.put(LedesField.LINE_ITEM_DATE, "20260305");
        values.put(LedesField.LINE_ITEM_TASK_CODE, "L110");
        values.put(LedesField.LINE_ITEM_EXPENSE_CODE, "");
        values.put(LedesField.LINE_ITEM_ACTIVITY_CODE, "A101");
        values.put(LedesField.TIMEKEEPER_ID, "a.chen");
        values.put(LedesField.LINE_ITEM_DESCRIPTION, "Reviewed complaint");
        values.put(LedesField.LAW_FIRM_ID, "12-3456789");
        values.put(LedesField.LINE_ITEM_UNIT_COST, "450.00");
        values.put(LedesField.TIMEKEEPER_NAME, "Chen, Anna");
        values.put(LedesField.TIMEKEEPER_CLASSIFICATION, "PT");
        values.put(LedesField.CLIENT_MATTER_ID, "ACME-LIT-7");
    }

    public static LedesSample fee() {
        return new LedesSample();
    }

    public LedesSample with(LedesField field, String value) {
        values.put(field, value);
        return this;
    }

    /** The line as the file holds it, ending in []. */
    public String line() {
        return values.values().stream().collect(Collectors.joining("|")) + "[]";
    }

    /** A whole file of these lines, CRLF-separated as billing systems write it. */
    public static String file(String... lines) {
        return Stream.concat(Stream.of(LedesField.FORMAT_LINE, LedesField.HEADER_LINE), Stream.of(lines))
                        .collect(Collectors.joining("\r\n"))
                + "\r\n";
    }
}
