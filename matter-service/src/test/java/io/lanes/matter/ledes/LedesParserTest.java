package io.lanes.matter.ledes;

import static io.lanes.matter.ledes.LedesSample.fee;
import static io.lanes.matter.ledes.LedesSample.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lanes.matter.ledes.LedesLineItem.InvoiceKey;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The format's own rules: LEDES 1998B as the standard writes it, and every way a line can be wrong. */
class LedesParserTest {

    static final String NARRATIVE = "Called client re: \"Globex\" claim;\tsaved to C:\\docs\\complaint {draft}";

    /** Two invoices; the first has every line type and adds up to 1088.50, the second to 100.00. */
    static String twoInvoices() {
        String first = "1088.50";
        return file(
                fee().with(LedesField.INVOICE_TOTAL, first)
                        .with(LedesField.LINE_ITEM_DESCRIPTION, NARRATIVE)
                        .line(),
                fee().with(LedesField.INVOICE_TOTAL, first)
                        .with(LedesField.LINE_ITEM_NUMBER, "2")
                        .with(LedesField.EXP_FEE_INV_ADJ_TYPE, "E")
                        .with(LedesField.LINE_ITEM_NUMBER_OF_UNITS, "3")
                        .with(LedesField.LINE_ITEM_UNIT_COST, "30.00")
                        .with(LedesField.LINE_ITEM_TOTAL, "90.00")
                        .with(LedesField.LINE_ITEM_TASK_CODE, "")
                        .with(LedesField.LINE_ITEM_ACTIVITY_CODE, "")
                        .with(LedesField.LINE_ITEM_EXPENSE_CODE, "E101")
                        .with(LedesField.TIMEKEEPER_ID, "")
                        .with(LedesField.TIMEKEEPER_NAME, "")
                        .with(LedesField.TIMEKEEPER_CLASSIFICATION, "")
                        .with(LedesField.LINE_ITEM_DESCRIPTION, "Copying")
                        .line(),
                fee().with(LedesField.INVOICE_TOTAL, first)
                        .with(LedesField.LINE_ITEM_NUMBER, "3")
                        .with(LedesField.EXP_FEE_INV_ADJ_TYPE, "IF")
                        .with(LedesField.LINE_ITEM_NUMBER_OF_UNITS, "")
                        .with(LedesField.LINE_ITEM_UNIT_COST, "")
                        .with(LedesField.LINE_ITEM_ADJUSTMENT_AMOUNT, "-67.50")
                        .with(LedesField.LINE_ITEM_TOTAL, "-67.50")
                        .with(LedesField.LINE_ITEM_DATE, "")
                        .with(LedesField.LINE_ITEM_TASK_CODE, "")
                        .with(LedesField.LINE_ITEM_ACTIVITY_CODE, "")
                        .with(LedesField.TIMEKEEPER_ID, "")
                        .with(LedesField.LINE_ITEM_DESCRIPTION, "10% fee discount")
                        .line(),
                fee().with(LedesField.INVOICE_TOTAL, first)
                        .with(LedesField.LINE_ITEM_NUMBER, "4")
                        .with(LedesField.EXP_FEE_INV_ADJ_TYPE, "IE")
                        .with(LedesField.LINE_ITEM_NUMBER_OF_UNITS, "")
                        .with(LedesField.LINE_ITEM_UNIT_COST, "")
                        .with(LedesField.LINE_ITEM_ADJUSTMENT_AMOUNT, "-9.00")
                        .with(LedesField.LINE_ITEM_TOTAL, "-9.00")
                        .with(LedesField.LINE_ITEM_DATE, "")
                        .with(LedesField.LINE_ITEM_TASK_CODE, "")
                        .with(LedesField.LINE_ITEM_ACTIVITY_CODE, "")
                        .with(LedesField.TIMEKEEPER_ID, "")
                        .line(),
                fee().with(LedesField.INVOICE_TOTAL, first)
                        .with(LedesField.LINE_ITEM_NUMBER, "5")
                        .with(LedesField.LINE_ITEM_NUMBER_OF_UNITS, "2")
                        .with(LedesField.LINE_ITEM_UNIT_COST, "200.00")
                        .with(LedesField.LINE_ITEM_TOTAL, "400.00")
                        .with(LedesField.LINE_ITEM_TASK_CODE, "L120")
                        .with(LedesField.LINE_ITEM_ACTIVITY_CODE, "A104")
                        .with(LedesField.TIMEKEEPER_ID, "j.okafor")
                        .with(LedesField.TIMEKEEPER_NAME, "Okafor, Jide")
                        .with(LedesField.TIMEKEEPER_CLASSIFICATION, "LA")
                        .line(),
                fee().with(LedesField.INVOICE_NUMBER, "INV-1002")
                        .with(LedesField.LAW_FIRM_MATTER_ID, "2026-00001")
                        .with(LedesField.INVOICE_TOTAL, "100.00")
                        .with(LedesField.LINE_ITEM_NUMBER_OF_UNITS, "0.3")
                        .with(LedesField.LINE_ITEM_UNIT_COST, "333.33")
                        .with(LedesField.LINE_ITEM_TOTAL, "100.00")
                        .line());
    }

    @Test
    void readsEveryLineTypeOfSeveralInvoices() {
        LedesParser.Parsed parsed = LedesParser.parse(bytes(twoInvoices()));

        assertEquals(List.of(), parsed.errors());
        assertEquals(6, parsed.lines());
        assertEquals(2, parsed.invoices());
        assertEquals(Set.of(), parsed.unbalanced());
        assertEquals(
                List.of(LineType.F, LineType.E, LineType.IF, LineType.IE, LineType.F, LineType.F),
                parsed.items().stream().map(LedesLineItem::type).collect(Collectors.toList()));
        LedesLineItem fee = parsed.items().get(0);
        assertEquals(3, fee.line(), "the first line item is line 3 of the file");
        assertEquals(new InvoiceKey("12-3456789", "INV-1001"), fee.invoice());
        assertEquals("10042-007", fee.lawFirmMatterId());
        assertEquals(LocalDate.parse("2026-03-05"), fee.date());
        assertEquals(new BigDecimal("1.5"), fee.units());
        assertEquals(new BigDecimal("675.00"), fee.total());
        assertEquals("L110", fee.taskCode());
        assertEquals("A101", fee.activityCode());
        assertEquals("Chen, Anna", fee.timekeeperName());
        assertEquals("PT", fee.timekeeperClassification());
        assertEquals(NARRATIVE, fee.description(), "quotes, backslashes, tabs and braces need no escaping in LEDES");
        LedesLineItem discount = parsed.items().get(2);
        assertEquals(BigDecimal.ZERO, discount.units());
        assertEquals(new BigDecimal("-67.50"), discount.adjustment());
        assertNull(discount.date());
        assertEquals(new BigDecimal("100.00"), parsed.items().get(5).total(), "0.3 × 333.33 rounds to 100.00");
    }

    /** The README's tour imports this file; it must stay a valid file that adds up. */
    @Test
    void theTourSampleIsValidLedes() throws IOException {
        LedesParser.Parsed parsed = LedesParser.parse(Files.readAllBytes(Path.of("../deploy/local/sample-time.ledes")));

        assertEquals(List.of(), parsed.errors());
        assertEquals(Set.of(), parsed.unbalanced());
        assertEquals(2, parsed.invoices());
        assertEquals(
                5,
                parsed.items().stream()
                        .filter(item -> item.type() == LineType.F)
                        .count());
        assertEquals(
                new BigDecimal("4475.00"),
                parsed.items().stream()
                        .filter(item -> "P100".equals(item.taskCode()))
                        .map(LedesLineItem::total)
                        .reduce(BigDecimal.ZERO, BigDecimal::add),
                "the tour's P100 budget is 3,750: this crosses its 10 % warning level");
    }

    @Test
    void everyBadLineIsNamedWithItsLineAndFieldWhileTheGoodOnesAreRead() {
        String good = fee().line();
        String twentyThree = good.substring(0, good.lastIndexOf('|')) + "[]";
        LedesParser.Parsed parsed = LedesParser.parse(bytes(file(
                good,
                twentyThree,
                good.substring(0, good.length() - 2),
                fee().with(LedesField.LINE_ITEM_NUMBER, "4")
                        .with(LedesField.LINE_ITEM_DATE, "20260230")
                        .line(),
                fee().with(LedesField.LINE_ITEM_NUMBER, "5")
                        .with(LedesField.LINE_ITEM_TOTAL, "12O.00")
                        .line(),
                fee().with(LedesField.LINE_ITEM_NUMBER, "6")
                        .with(LedesField.LINE_ITEM_TOTAL, "700.00")
                        .line(),
                fee().with(LedesField.LINE_ITEM_NUMBER, "7")
                        .with(LedesField.EXP_FEE_INV_ADJ_TYPE, "X")
                        .line(),
                fee().with(LedesField.LINE_ITEM_NUMBER, "8")
                        .with(LedesField.TIMEKEEPER_ID, "")
                        .line(),
                fee().with(LedesField.LINE_ITEM_NUMBER, "9")
                        .with(LedesField.LINE_ITEM_UNIT_COST, "four hundred")
                        .line(),
                fee().with(LedesField.INVOICE_NUMBER, "INV-2000")
                        .with(LedesField.INVOICE_TOTAL, "1000.00")
                        .line(),
                fee().with(LedesField.INVOICE_NUMBER, "INV-2000")
                        .with(LedesField.INVOICE_TOTAL, "1000.00")
                        .with(LedesField.LINE_ITEM_NUMBER, "2")
                        .line())));

        assertEquals(
                List.of(
                        "4 null has 23 fields; LEDES 1998B has 24",
                        "5 null does not end in []",
                        "6 LINE_ITEM_DATE is 20260230; must be a date written YYYYMMDD",
                        "7 LINE_ITEM_TOTAL is 12O.00; must be a number such as 1.50",
                        "8 LINE_ITEM_TOTAL is 700.00 but units × unit cost + adjustment is 675.00",
                        "9 EXP/FEE/INV_ADJ_TYPE is X; must be F, E, IF or IE",
                        "10 TIMEKEEPER_ID is required",
                        "11 LINE_ITEM_UNIT_COST is four hundred; must be a number such as 1.50",
                        "12 INVOICE_TOTAL invoice INV-2000 totals 1000.00 but its lines add up to 1350.00"),
                parsed.errors().stream()
                        .map(e -> e.line() + " " + e.field() + " " + e.message())
                        .collect(Collectors.toList()));
        assertEquals(11, parsed.lines());
        assertEquals(
                List.of(3, 12, 13),
                parsed.items().stream().map(LedesLineItem::line).collect(Collectors.toList()),
                "good lines are read; the unbalanced invoice's lines are read and flagged");
        assertEquals(Set.of(new InvoiceKey("12-3456789", "INV-2000")), parsed.unbalanced());
    }

    @Test
    void theHeaderMustNameTheTwentyFourFieldsInOrder() {
        String renamed = LedesField.HEADER_LINE.replace("EXP/FEE/INV_ADJ_TYPE", "EXP_FEE_TYPE");
        NotLedes wrongName = assertThrows(
                NotLedes.class,
                () -> LedesParser.parse(bytes(LedesField.FORMAT_LINE + "\r\n" + renamed + "\r\n" + fee().line())));
        assertEquals(
                "Field 10 of the header line (line 2) is EXP_FEE_TYPE; LEDES 1998B has EXP/FEE/INV_ADJ_TYPE there",
                wrongName.getMessage());
        String short23 = LedesField.HEADER_LINE.replace("|CLIENT_MATTER_ID", "");
        NotLedes tooFew = assertThrows(
                NotLedes.class,
                () -> LedesParser.parse(bytes(LedesField.FORMAT_LINE + "\n" + short23 + "\n" + fee().line())));
        assertEquals("The header line (line 2) names 23 fields; LEDES 1998B has 24", tooFew.getMessage());
    }

    @Test
    void whatIsNotLedesIsRefusedWhole() {
        assertEquals("The file is empty", refused(new byte[0]));
        assertEquals("The file is empty", refused(bytes("\r\n\r\n")));
        assertTrue(refused(bytes("{\"timekeeper\":\"a.chen\"}")).startsWith("The first line must be LEDES1998B[]"));
        assertTrue(refused(bytes("LEDES2000[]\n" + LedesField.HEADER_LINE)).startsWith("The first line must be"));
        assertEquals("The file has no line items", refused(bytes(file())));
        assertEquals(
                "The file is binary, not LEDES 1998B text",
                refused(new byte[] {'%', 'P', 'D', 'F', '-', '1', '.', '7', 0, 1, 2, (byte) 0xff}));
    }

    @Test
    void olderBillingSystemsWritingWindows1252AreReadToo() {
        byte[] file = file(fee().with(LedesField.TIMEKEEPER_NAME, "Müller, Jörg")
                        .line())
                .getBytes(Charset.forName("windows-1252"));
        assertEquals("Müller, Jörg", LedesParser.parse(file).items().get(0).timekeeperName());
    }

    @Test
    void whatTheWriterWritesTheParserReadsBackUnchanged() {
        List<LedesLineItem> items = LedesParser.parse(bytes(twoInvoices())).items();
        String written = LedesWriter.write(items);
        LedesParser.Parsed reread = LedesParser.parse(bytes(written));

        assertEquals(List.of(), reread.errors());
        assertEquals(written, LedesWriter.write(reread.items()));
        assertEquals(NARRATIVE.replace('\t', ' '), reread.items().get(0).description(), "a tab is a line break's kin");
        assertTrue(written.startsWith("LEDES1998B[]\r\n" + LedesField.HEADER_LINE + "\r\n"));
    }

    @Test
    void theWriterKeepsTheFormatsDelimitersOutOfText() {
        LedesLineItem item =
                LedesParser.parse(bytes(file(fee().line()))).items().get(0);
        LedesLineItem awkward = new LedesLineItem(
                0,
                item.invoiceDate(),
                item.invoiceNumber(),
                item.clientId(),
                item.lawFirmMatterId(),
                item.invoiceTotal(),
                item.billingStartDate(),
                item.billingEndDate(),
                item.invoiceDescription(),
                item.lineItemNumber(),
                item.type(),
                item.units(),
                item.adjustment(),
                item.total(),
                item.date(),
                item.taskCode(),
                item.expenseCode(),
                item.activityCode(),
                item.timekeeperId(),
                "a|b [see] line\r\nbreak",
                item.lawFirmId(),
                item.unitCost(),
                item.timekeeperName(),
                item.timekeeperClassification(),
                item.clientMatterId());
        LedesParser.Parsed reread = LedesParser.parse(bytes(LedesWriter.write(List.of(awkward))));
        assertEquals(List.of(), reread.errors());
        assertEquals("a/b (see) line break", reread.items().get(0).description());
    }

    private static String refused(byte[] file) {
        return assertThrows(NotLedes.class, () -> LedesParser.parse(file)).getMessage();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
