package io.lanes.matter.ledes;

import io.lanes.matter.ledes.LedesLineItem.InvoiceKey;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a LEDES 1998B file exactly as the format says: {@code LEDES1998B[]}, then the 24 field names,
 * then one line item per line, {@code |} separated and ending in {@code []}; dates {@code YYYYMMDD};
 * types F, E, IF, IE; each line's total is units × unit cost + adjustment, and each invoice's total
 * the sum of its lines. A file that is not LEDES at all is refused whole ({@link NotLedes}); a bad
 * line is named with its field and the good lines are still read.
 */
public final class LedesParser {

    /** What a file holds: the good line items, why the others are bad, and the invoices that do not add up. */
    public record Parsed(
            List<LedesLineItem> items, int lines, int invoices, List<LineError> errors, Set<InvoiceKey> unbalanced) {}

    static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,15}(\\.\\d{1,4})?");
    private static final Pattern TASK_CODE = Pattern.compile("[A-Z]\\d{3}");
    private static final Pattern ACTIVITY_CODE = Pattern.compile("A1(0[1-9]|1[01])");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final String END = "[]";

    private LedesParser() {}

    public static Parsed parse(byte[] file) {
        List<String> lines = lines(text(file));
        if (lines.isEmpty()) {
            throw new NotLedes("The file is empty");
        }
        if (!lines.get(0).strip().equals(LedesField.FORMAT_LINE)) {
            throw new NotLedes(
                    "The first line must be " + LedesField.FORMAT_LINE + " (this is not a LEDES 1998B file)");
        }
        if (lines.size() < 2) {
            throw new NotLedes("The second line must name the 24 fields of LEDES 1998B");
        }
        requireHeader(lines.get(1).strip());
        List<LedesLineItem> items = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        Map<InvoiceKey, Invoice> invoices = new LinkedHashMap<>();
        int count = 0;
        for (int i = 2; i < lines.size(); i++) {
            String raw = lines.get(i).strip();
            if (raw.isEmpty()) {
                continue;
            }
            count++;
            LineReader line = new LineReader(i + 1, raw);
            LedesLineItem item = line.read();
            errors.addAll(line.errors);
            if (line.key != null) {
                invoices.computeIfAbsent(line.key, k -> new Invoice(line.number))
                        .add(line, errors);
            }
            if (item != null) {
                items.add(item);
            }
        }
        if (count == 0) {
            throw new NotLedes("The file has no line items");
        }
        Set<InvoiceKey> unbalanced = new LinkedHashSet<>();
        invoices.forEach((key, invoice) -> {
            if (!invoice.balances()) {
                unbalanced.add(key);
                errors.add(LineError.of(
                        invoice.firstLine,
                        LedesField.INVOICE_TOTAL,
                        "invoice " + key.invoiceNumber() + " totals " + invoice.total.toPlainString()
                                + " but its lines add up to " + invoice.sum.toPlainString()));
            }
        });
        errors.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return new Parsed(List.copyOf(items), count, invoices.size(), List.copyOf(errors), Set.copyOf(unbalanced));
    }

    /** UTF-8 (with or without a byte-order mark), else Windows-1252 as older billing systems write; never binary. */
    private static String text(byte[] file) {
        for (byte b : file) {
            if ((b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7f) {
                throw new NotLedes("The file is binary, not LEDES 1998B text");
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            text = new String(file, WINDOWS_1252);
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\r\n|\n|\r", -1)));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static void requireHeader(String header) {
        if (header.equals(LedesField.HEADER_LINE)) {
            return;
        }
        if (!header.endsWith(END)) {
            throw new NotLedes("The header line (line 2) must end in []");
        }
        String[] names = header.substring(0, header.length() - END.length()).split("\\|", -1);
        LedesField[] fields = LedesField.values();
        if (names.length != fields.length) {
            throw new NotLedes(
                    "The header line (line 2) names " + names.length + " fields; LEDES 1998B has " + fields.length);
        }
        for (int i = 0; i < fields.length; i++) {
            if (!names[i].strip().equals(fields[i].header())) {
                throw new NotLedes("Field " + (i + 1) + " of the header line (line 2) is " + names[i].strip()
                        + "; LEDES 1998B has " + fields[i].header() + " there");
            }
        }
    }

    /** The totals of one invoice across its lines, to check it adds up. */
    private static final class Invoice {

        private final int firstLine;
        private BigDecimal total;
        private BigDecimal sum = BigDecimal.ZERO;
        private boolean complete = true;

        Invoice(int firstLine) {
            this.firstLine = firstLine;
        }

        void add(LineReader line, List<LineError> errors) {
            if (line.invoiceTotal == null || line.lineTotal == null) {
                complete = false;
                return;
            }
            if (total == null) {
                total = line.invoiceTotal;
            } else if (total.compareTo(line.invoiceTotal) != 0) {
                errors.add(LineError.of(
                        line.number,
                        LedesField.INVOICE_TOTAL,
                        "is " + line.invoiceTotal.toPlainString() + " but line " + firstLine + " of invoice "
                                + line.key.invoiceNumber() + " says " + total.toPlainString()));
                complete = false;
                return;
            }
            sum = sum.add(line.lineTotal);
        }

        /** Adds up, or cannot be checked because a line's amounts were already reported. */
        boolean balances() {
            return !complete || total == null || total.compareTo(sum) == 0;
        }
    }

    /** Reads the fields of one line, collecting every bad one. */
    private static final class LineReader {

        private final int number;
        private final String raw;
        private final List<LineError> errors = new ArrayList<>();
        private String[] values;
        private InvoiceKey key;
        private BigDecimal invoiceTotal;
        private BigDecimal lineTotal;

        LineReader(int number, String raw) {
            this.number = number;
            this.raw = raw;
        }

        LedesLineItem read() {
            if (!raw.endsWith(END)) {
                errors.add(LineError.of(number, null, "does not end in []"));
                return null;
            }
            values = raw.substring(0, raw.length() - END.length()).split("\\|", -1);
            if (values.length != LedesField.values().length) {
                errors.add(LineError.of(
                        number,
                        null,
                        "has " + values.length + " fields; LEDES 1998B has " + LedesField.values().length));
                return null;
            }
            String lawFirmId = required(LedesField.LAW_FIRM_ID);
            String invoiceNumber = required(LedesField.INVOICE_NUMBER);
            invoiceTotal = amount(LedesField.INVOICE_TOTAL, true);
            lineTotal = amount(LedesField.LINE_ITEM_TOTAL, true);
            if (lawFirmId != null && invoiceNumber != null) {
                key = new InvoiceKey(lawFirmId, invoiceNumber);
            }
            LineType type = type();
            boolean work = type == LineType.F || type == LineType.E;
            BigDecimal units = number(LedesField.LINE_ITEM_NUMBER_OF_UNITS, work);
            BigDecimal unitCost = amount(LedesField.LINE_ITEM_UNIT_COST, work);
            BigDecimal adjustment = amount(LedesField.LINE_ITEM_ADJUSTMENT_AMOUNT, false);
            LedesLineItem item = new LedesLineItem(
                    number,
                    date(LedesField.INVOICE_DATE, true),
                    invoiceNumber,
                    optional(LedesField.CLIENT_ID),
                    required(LedesField.LAW_FIRM_MATTER_ID),
                    invoiceTotal,
                    date(LedesField.BILLING_START_DATE, false),
                    date(LedesField.BILLING_END_DATE, false),
                    optional(LedesField.INVOICE_DESCRIPTION),
                    required(LedesField.LINE_ITEM_NUMBER),
                    type,
                    zeroIfNull(units),
                    zeroIfNull(adjustment),
                    lineTotal,
                    date(LedesField.LINE_ITEM_DATE, work),
                    code(
                            LedesField.LINE_ITEM_TASK_CODE,
                            TASK_CODE,
                            type == LineType.F,
                            "a UTBMS task code such as L110"),
                    optional(LedesField.LINE_ITEM_EXPENSE_CODE),
                    code(
                            LedesField.LINE_ITEM_ACTIVITY_CODE,
                            ACTIVITY_CODE,
                            false,
                            "a UTBMS activity code A101 to A111"),
                    type == LineType.F ? required(LedesField.TIMEKEEPER_ID) : optional(LedesField.TIMEKEEPER_ID),
                    optional(LedesField.LINE_ITEM_DESCRIPTION),
                    lawFirmId,
                    zeroIfNull(unitCost),
                    optional(LedesField.TIMEKEEPER_NAME),
                    optional(LedesField.TIMEKEEPER_CLASSIFICATION),
                    optional(LedesField.CLIENT_MATTER_ID));
            if (lineTotal != null && (units != null || !work) && (unitCost != null || !work) && errors.isEmpty()) {
                BigDecimal expected = item.units()
                        .multiply(item.unitCost())
                        .add(item.adjustment())
                        .setScale(2, RoundingMode.HALF_UP);
                if (expected.compareTo(lineTotal) != 0) {
                    errors.add(LineError.of(
                            number,
                            LedesField.LINE_ITEM_TOTAL,
                            "is " + lineTotal.toPlainString() + " but units × unit cost + adjustment is "
                                    + expected.toPlainString()));
                }
            }
            return errors.isEmpty() ? item : null;
        }

        private String value(LedesField field) {
            return values[field.ordinal()].strip();
        }

        private String optional(LedesField field) {
            String value = value(field);
            return value.isEmpty() ? null : value;
        }

        private String required(LedesField field) {
            String value = optional(field);
            if (value == null) {
                errors.add(LineError.of(number, field, "is required"));
            }
            return value;
        }

        private LineType type() {
            String value = required(LedesField.EXP_FEE_INV_ADJ_TYPE);
            if (value == null) {
                return null;
            }
            try {
                return LineType.valueOf(value);
            } catch (IllegalArgumentException e) {
                errors.add(LineError.of(
                        number, LedesField.EXP_FEE_INV_ADJ_TYPE, "is " + value + "; must be F, E, IF or IE"));
                return null;
            }
        }

        private LocalDate date(LedesField field, boolean required) {
            String value = required ? required(field) : optional(field);
            if (value == null) {
                return null;
            }
            try {
                return LocalDate.parse(value, DATE);
            } catch (DateTimeParseException e) {
                errors.add(LineError.of(number, field, "is " + value + "; must be a date written YYYYMMDD"));
                return null;
            }
        }

        private BigDecimal number(LedesField field, boolean required) {
            String value = required ? required(field) : optional(field);
            if (value == null) {
                return null;
            }
            if (!NUMBER.matcher(value).matches()) {
                errors.add(LineError.of(number, field, "is " + value + "; must be a number such as 1.50"));
                return null;
            }
            return new BigDecimal(value);
        }

        /** Money: a number with at most two decimals. */
        private BigDecimal amount(LedesField field, boolean required) {
            BigDecimal amount = number(field, required);
            if (amount != null && amount.stripTrailingZeros().scale() > 2) {
                errors.add(LineError.of(
                        number, field, "is " + amount.toPlainString() + "; an amount has at most two decimals"));
                return null;
            }
            return amount == null ? null : amount.setScale(2, RoundingMode.UNNECESSARY);
        }

        private String code(LedesField field, Pattern pattern, boolean required, String expected) {
            String value = required ? required(field) : optional(field);
            if (value != null && !pattern.matcher(value).matches()) {
                errors.add(LineError.of(number, field, "is " + value + "; must be " + expected));
                return null;
            }
            return value;
        }

        private static BigDecimal zeroIfNull(BigDecimal value) {
            return value == null ? BigDecimal.ZERO : value;
        }
    }
}
