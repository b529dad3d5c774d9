package io.lanes.matter.ledes;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The 24 fields of a LEDES 1998B line item, in the order the format fixes. */
public enum LedesField {
    INVOICE_DATE,
    INVOICE_NUMBER,
    CLIENT_ID,
    LAW_FIRM_MATTER_ID,
    INVOICE_TOTAL,
    BILLING_START_DATE,
    BILLING_END_DATE,
    INVOICE_DESCRIPTION,
    LINE_ITEM_NUMBER,
    EXP_FEE_INV_ADJ_TYPE("EXP/FEE/INV_ADJ_TYPE"),
    LINE_ITEM_NUMBER_OF_UNITS,
    LINE_ITEM_ADJUSTMENT_AMOUNT,
    LINE_ITEM_TOTAL,
    LINE_ITEM_DATE,
    LINE_ITEM_TASK_CODE,
    LINE_ITEM_EXPENSE_CODE,
    LINE_ITEM_ACTIVITY_CODE,
    TIMEKEEPER_ID,
    LINE_ITEM_DESCRIPTION,
    LAW_FIRM_ID,
    LINE_ITEM_UNIT_COST,
    TIMEKEEPER_NAME,
    TIMEKEEPER_CLASSIFICATION,
    CLIENT_MATTER_ID;

    /** The first line of every 1998B file. */
    public static final String FORMAT_LINE = "LEDES1998B[]";

    /** The second line: the field names, {@code |} separated, ending in {@code []}. */
    public static final String HEADER_LINE =
            Arrays.stream(values()).map(LedesField::header).collect(Collectors.joining("|")) + "[]";

    private final String header;

    LedesField() {
        this.header = name();
    }

    LedesField(String header) {
        this.header = header;
    }

    /** The field's name as the header line spells it. */
    public String header() {
        return header;
    }
}
