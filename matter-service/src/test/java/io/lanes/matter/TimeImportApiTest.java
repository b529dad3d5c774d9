package io.lanes.matter;

import static io.lanes.matter.MatterFixture.PM;
import static io.lanes.matter.ledes.LedesSample.fee;
import static io.lanes.matter.ledes.LedesSample.file;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.lanes.contracts.EventJson;
import io.lanes.contracts.EventSchemas;
import io.lanes.contracts.EventType;
import io.lanes.contracts.Topic;
import io.lanes.matter.ledes.LedesField;
import io.lanes.matter.ledes.LedesSample;
import io.lanes.testing.DevTokens;
import io.lanes.testing.LanesInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Matter numbers, external ids and LEDES 1998B time over real PostgreSQL and Kafka: an imported file
 * is time like any typed entry, on the matter topic and in budget variance; a refused file records
 * nothing.
 */
@QuarkusTest
@QuarkusTestResource(LanesInfraResource.class)
class TimeImportApiTest {

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static final String MATTER_TYPE =
            "ledes-litigation-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String LEDES = "application/vnd.ledes.1998b";
    private static final String TEXT = "text/plain";
    private static final String PROBLEM = "application/problem+json";
    private static final String NARRATIVE = "Reviewed \"Globex\" answer; notes in C:\\matters\\acme";

    @BeforeAll
    static void playbookPublishedEarlier() {
        MatterFixture.publishPlaybook(MATTER_TYPE);
    }

    @Test
    void aMatterIsNumberedAtAcceptanceAndFoundByItsNumberOrBillingId() {
        UUID first = MatterFixture.openMatter(MATTER_TYPE, new BigDecimal("10000.00"));
        UUID second = MatterFixture.openMatter(MATTER_TYPE, new BigDecimal("10000.00"));
        String number = number(first);
        assertNotEquals(number, number(second));
        assertEquals(Year.from(MatterFixture.today()) + "-", number.substring(0, 5));
        given().auth()
                .oauth2(PM)
                .when()
                .get("/matters?number=" + number)
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].matterId", equalTo(first.toString()))
                .body("[0].matterNumber", equalTo(number));
        given().auth().oauth2(PM).when().get("/matters").then().statusCode(200).body("matterNumber", hasItem(number));
        JsonNode accepted = MatterFixture.events(first, EventType.HANDOFF_ACCEPTED, 1, Topic.MATTER)
                .get(0);
        assertEquals(number, accepted.get("matterNumber").asText(), "consumers learn the number from handoff-accepted");

        String billingId = "10042-" + UUID.randomUUID().toString().substring(0, 6);
        link(first, "billing", billingId)
                .then()
                .statusCode(200)
                .body("externalIds.billing", equalTo(billingId))
                .body("matterNumber", equalTo(number));
        given().auth()
                .oauth2(PM)
                .when()
                .get("/matters?externalId=billing:" + billingId)
                .then()
                .statusCode(200)
                .body("[0].matterId", equalTo(first.toString()));
        link(first, "billing", billingId).then().statusCode(200);
        link(second, "billing", billingId)
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("rule", equalTo("EXTERNAL_ID_TAKEN"));
        link(second, "Billing System", "x")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("system"));
        given().auth()
                .oauth2(PM)
                .when()
                .get("/matters?externalId=billing")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("externalId"));
        given().auth()
                .oauth2(PM)
                .when()
                .get("/matters?number=1999-99999")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
        given().contentType(ContentType.JSON)
                .body("{\"externalId\":\"x\"}")
                .when()
                .put("/matters/" + first + "/external-ids/billing")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(DevTokens.forRole("intake"))
                .contentType(ContentType.JSON)
                .body("{\"externalId\":\"x\"}")
                .when()
                .put("/matters/" + first + "/external-ids/billing")
                .then()
                .statusCode(403);
    }

    @Test
    void anImportedFileRaisesBudgetVarianceExactlyAsTypedEntriesWould() {
        UUID matter = MatterFixture.openMatter(MATTER_TYPE, new BigDecimal("10000.00"));
        String billingId = "B-" + UUID.randomUUID().toString().substring(0, 8);
        link(matter, "billing", billingId).then().statusCode(200);
        String invoice = "INV-" + UUID.randomUUID().toString().substring(0, 8);
        String today = MatterFixture.today().toString().replace("-", "");
        // L100's budget is 2000.00: 1500 (75 % consumed), then 2200 (110 %) reaches both levels at once.
        List<LedesSample> lines = new ArrayList<>();
        int n = 0;
        for (String cost : List.of("600.00", "280.00", "40.00", "120.00", "20.00")) {
            BigDecimal total =
                    new BigDecimal(cost).multiply(new BigDecimal("2.5")).setScale(2);
            lines.add(line(invoice, ++n, billingId, today)
                    .with(LedesField.LINE_ITEM_NUMBER_OF_UNITS, "2.5")
                    .with(LedesField.LINE_ITEM_UNIT_COST, cost)
                    .with(LedesField.LINE_ITEM_TOTAL, total.toPlainString()));
        }
        lines.add(line(invoice, ++n, billingId, today)
                .with(LedesField.EXP_FEE_INV_ADJ_TYPE, "E")
                .with(LedesField.LINE_ITEM_TASK_CODE, "")
                .with(LedesField.LINE_ITEM_ACTIVITY_CODE, "")
                .with(LedesField.LINE_ITEM_EXPENSE_CODE, "E101"));
        lines.add(line(invoice, ++n, "NO-SUCH-MATTER", today));
        lines.add(line(invoice, ++n, number(matter), today).with(LedesField.LINE_ITEM_TASK_CODE, "L310"));
        // 2650.00 of fees, then three lines of 1.5 × 450.00.
        String body = file(lines.stream()
                .map(l -> l.with(LedesField.INVOICE_TOTAL, "4675.00").line())
                .toArray(String[]::new));

        importFile(body, LEDES)
                .then()
                .statusCode(200)
                .body("invoices", equalTo(1))
                .body("lines", equalTo(8))
                .body("imported", equalTo(5))
                .body("duplicates", equalTo(0))
                .body("skipped", equalTo(1))
                .body("rejected", equalTo(2))
                .body("skippedLines[0].line", equalTo(8))
                .body("skippedLines[0].reason", containsString("expense"))
                .body("errors[0].line", equalTo(9))
                .body("errors[0].field", equalTo("LAW_FIRM_MATTER_ID"))
                .body("errors[1].line", equalTo(10))
                .body("errors[1].field", equalTo("LINE_ITEM_TASK_CODE"));

        List<JsonNode> variances = MatterFixture.events(matter, EventType.BUDGET_VARIANCE, 2, Topic.MATTER);
        assertEquals(
                List.of("WARNING:110.0", "ESCALATION:110.0"),
                variances.stream()
                        .map(v -> v.get("level").asText() + ":"
                                + v.get("consumedPct").decimalValue().toPlainString())
                        .collect(Collectors.toList()));
        assertEquals(
                2,
                MatterFixture.events(matter, EventType.BUDGET_VARIANCE, 2, Topic.ESCALATIONS)
                        .size());
        List<JsonNode> time = MatterFixture.events(matter, EventType.TIME_RECORDED, 5, Topic.MATTER);
        JsonNode first = time.get(0);
        assertEquals(List.of(), EventSchemas.violations(EventType.TIME_RECORDED, first));
        assertEquals(NARRATIVE, first.get("description").asText());
        assertEquals("Chen, Anna", first.get("timekeeperName").asText());
        assertEquals("ATTORNEY", first.get("timekeeperRole").asText(), "PT is an attorney");
        assertEquals("L100", first.get("phase").asText(), "L110's phase");
        assertEquals("L110", first.get("taskCode").asText());
        assertEquals(new BigDecimal("1500.00"), first.get("amount").decimalValue());

        String etag = given().auth().oauth2(PM).when().get("/matters/" + matter).header("ETag");
        importFile(body, TEXT)
                .then()
                .statusCode(200)
                .body("imported", equalTo(0))
                .body("duplicates", equalTo(5))
                .body("skipped", equalTo(1))
                .body("rejected", equalTo(2));
        given().auth()
                .oauth2(PM)
                .when()
                .get("/matters/" + matter)
                .then()
                .header("ETag", equalTo(etag))
                .body("budget.find { it.phase == 'L100' }.actual", equalTo(2650.00f));
    }

    @Test
    void exportedTimeImportsBackAsTheSameEntries() {
        UUID original = MatterFixture.openMatter(MATTER_TYPE, new BigDecimal("10000.00"));
        String billingId = "RT-" + UUID.randomUUID().toString().substring(0, 8);
        link(original, "billing", billingId).then().statusCode(200);
        record(original, "a.chen", "Anna Chen", "ATTORNEY", "2026-03-02", "1.50", "675.00", "L110", NARRATIVE, true);
        record(original, "j.okafor", "Jide Okafor", "PARALEGAL", "2026-03-03", "0.30", "100.00", null, "Filing", true);
        record(original, "a.chen", "Anna Chen", "ATTORNEY", "2026-03-04", "2.00", "0.00", "L110", "Internal", false);

        Response exported = given().auth()
                .oauth2(PM)
                .when()
                .get("/matters/" + original + "/time.ledes?from=2026-03-01&to=2026-03-31");
        exported.then()
                .statusCode(200)
                .contentType(startsWith(LEDES))
                .header("Content-Disposition", containsString(number(original) + "-20260331.ledes"))
                .body(startsWith("LEDES1998B[]\r\n" + LedesField.HEADER_LINE + "\r\n"));
        String ledes = exported.asString();
        assertEquals(4, ledes.split("\r\n").length, "two billable entries; the non-billable one is not invoiced");

        // The billing id moves to a new matter, as when time was kept on the wrong matter.
        link(original, "billing", billingId + "-old").then().statusCode(200);
        UUID moved = MatterFixture.openMatter(MATTER_TYPE, new BigDecimal("10000.00"));
        link(moved, "billing", billingId).then().statusCode(200);
        importFile(ledes, LEDES)
                .then()
                .statusCode(200)
                .body("imported", equalTo(2))
                .body("errors.size()", equalTo(0));

        assertEquals(
                entries(MatterFixture.events(original, EventType.TIME_RECORDED, 3, Topic.MATTER))
                        .subList(0, 2),
                entries(MatterFixture.events(moved, EventType.TIME_RECORDED, 2, Topic.MATTER)));
        importFile(ledes, LEDES)
                .then()
                .statusCode(200)
                .body("imported", equalTo(0))
                .body("duplicates", equalTo(2));

        given().auth()
                .oauth2(PM)
                .when()
                .get("/matters/" + original + "/time.ledes?from=2027-01-01&to=2027-01-31")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        given().auth()
                .oauth2(PM)
                .when()
                .get("/matters/" + original + "/time.ledes?from=2026-04-01&to=2026-03-01")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
    }

    @Test
    void aFileThatIsRefusedRecordsNothing() {
        UUID matter = MatterFixture.openMatter(MATTER_TYPE, new BigDecimal("10000.00"));
        String billingId = "BAD-" + UUID.randomUUID().toString().substring(0, 8);
        link(matter, "billing", billingId).then().statusCode(200);
        String etag = given().auth().oauth2(PM).when().get("/matters/" + matter).header("ETag");
        String good = fee().with(LedesField.LAW_FIRM_MATTER_ID, billingId)
                .with(LedesField.INVOICE_NUMBER, "INV-" + UUID.randomUUID())
                .line();

        importFile("{\"timekeeper\":\"a.chen\"}", TEXT)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("file"))
                .body("detail", startsWith("The first line must be LEDES1998B[]"));
        importFile("", LEDES).then().statusCode(400).contentType(PROBLEM).body("detail", equalTo("The file is empty"));
        given().auth()
                .oauth2(PM)
                .contentType(LEDES)
                .body(new byte[] {'%', 'P', 'D', 'F', 0, 1, 2, 3, (byte) 0xff})
                .when()
                .post("/time-imports")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("detail", containsString("binary"));
        String header =
                LedesField.FORMAT_LINE + "\r\n" + LedesField.HEADER_LINE.replace("TIMEKEEPER_ID", "TK") + "\r\n";
        importFile(header + good, LEDES)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("detail", containsString("TIMEKEEPER_ID"));
        byte[] huge = new byte[4 * 1024 * 1024 + 1];
        Arrays.fill(huge, (byte) 'x');
        given().auth()
                .oauth2(PM)
                .contentType(LEDES)
                .body(huge)
                .when()
                .post("/time-imports")
                .then()
                .statusCode(413)
                .contentType(PROBLEM)
                .body("maxBodyBytes", equalTo(4 * 1024 * 1024));
        given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/time-imports")
                .then()
                .statusCode(415)
                .contentType(PROBLEM);
        given().contentType(LEDES)
                .body(file(good).getBytes(StandardCharsets.UTF_8))
                .when()
                .post("/time-imports")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(DevTokens.forRole("leadership"))
                .contentType(LEDES)
                .body(file(good).getBytes(StandardCharsets.UTF_8))
                .when()
                .post("/time-imports")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body("{\"timekeeper\":\"" + "x".repeat(300_000) + "\"}")
                .when()
                .post("/matters/" + matter + "/time-entries")
                .then()
                .statusCode(413)
                .contentType(PROBLEM);

        given().auth().oauth2(PM).when().get("/matters/" + matter).then().header("ETag", equalTo(etag));
    }

    /** The fields of time entries that must survive a round trip, in work-date order. */
    private static List<String> entries(List<JsonNode> time) {
        return time.stream()
                .sorted((a, b) ->
                        a.get("workDate").asText().compareTo(b.get("workDate").asText()))
                .map(t -> String.join(
                        "|",
                        t.get("timekeeper").asText(),
                        t.get("timekeeperRole").asText(),
                        t.get("workDate").asText(),
                        t.get("hours").decimalValue().stripTrailingZeros().toPlainString(),
                        t.get("amount").decimalValue().stripTrailingZeros().toPlainString(),
                        t.get("phase").asText(),
                        t.path("taskCode").asText("-"),
                        t.path("activityCode").asText("-"),
                        t.get("billable").asText(),
                        t.get("admin").asText(),
                        t.path("timekeeperName").asText("-"),
                        t.path("description").asText("-")))
                .collect(Collectors.toList());
    }

    private static void record(
            UUID matter,
            String timekeeper,
            String name,
            String role,
            String workDate,
            String hours,
            String amount,
            String taskCode,
            String description,
            boolean billable) {
        given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body(String.format(
                        "{\"timekeeper\":\"%s\",\"timekeeperName\":\"%s\",\"timekeeperRole\":\"%s\",\"workDate\":\"%s\","
                                + "\"hours\":%s,\"amount\":%s,\"phase\":\"L100\",%s\"activityCode\":\"A101\","
                                + "\"billable\":%s,\"admin\":false,\"description\":%s}",
                        timekeeper,
                        name,
                        role,
                        workDate,
                        hours,
                        amount,
                        taskCode == null ? "" : "\"taskCode\":\"" + taskCode + "\",",
                        billable,
                        EventJson.mapper().valueToTree(description)))
                .when()
                .post("/matters/" + matter + "/time-entries")
                .then()
                .statusCode(201);
    }

    private static LedesSample line(String invoice, int number, String matterId, String date) {
        return fee().with(LedesField.INVOICE_NUMBER, invoice)
                .with(LedesField.LINE_ITEM_NUMBER, String.valueOf(number))
                .with(LedesField.LAW_FIRM_MATTER_ID, matterId)
                .with(LedesField.LINE_ITEM_DATE, date)
                .with(LedesField.LINE_ITEM_DESCRIPTION, NARRATIVE);
    }

    private static Response importFile(String body, String contentType) {
        return given().auth()
                .oauth2(PM)
                .contentType(contentType)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .when()
                .post("/time-imports");
    }

    private static Response link(UUID matter, String system, String externalId) {
        return given().auth()
                .oauth2(PM)
                .contentType(ContentType.JSON)
                .body("{\"externalId\":\"" + externalId + "\"}")
                .when()
                .put("/matters/" + matter + "/external-ids/" + system.replace(" ", "%20"));
    }

    private static String number(UUID matter) {
        String number = given().auth()
                .oauth2(PM)
                .when()
                .get("/matters/" + matter)
                .then()
                .statusCode(200)
                .body("matterNumber", matchesPattern("\\d{4}-\\d{5}"))
                .extract()
                .path("matterNumber");
        return number;
    }
}
