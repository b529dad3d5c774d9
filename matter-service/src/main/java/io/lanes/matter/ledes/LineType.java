package io.lanes.matter.ledes;

/** {@code EXP/FEE/INV_ADJ_TYPE}: a fee, an expense, or an invoice-level adjustment of either. */
public enum LineType {
    /** Fee: time a timekeeper worked. */
    F,
    /** Expense. */
    E,
    /** Invoice-level fee adjustment. */
    IF,
    /** Invoice-level expense adjustment. */
    IE
}
