import io.lanes.contracts.MatterIds;
import io.lanes.testing.DevTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads a demo firm through the real APIs of a running Lanes (deploy/local/run calls it): intakes of
 * three matter types, some incomplete on the first submission, handoffs accepted or rejected and
 * reworked, milestones completed or past due, time entries that cross budget thresholds, status
 * updates, escalations resolved. Run: deploy/local/demo (after deploy/local/run built everything).
 */
public class DemoFirm {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String OPS_URL = env("LANES_OPS_URL", "http://127.0.0.1:8081");
    static final String INTAKE_URL = env("LANES_INTAKE_URL", "http://127.0.0.1:8082");
    static final String MATTER_URL = env("LANES_MATTER_URL", "http://127.0.0.1:8083");
    static final String KPI_URL = env("LANES_KPI_URL", "http://127.0.0.1:8084");
    static final String SUBSCRIPTION_URL = env("LANES_SUBSCRIPTION_URL", "http://127.0.0.1:8085");
    static final String INTAKE = DevTokens.forUser("i.jones", "intake");
    static final String PM = DevTokens.forUser("p.patel", "pm");
    static final String LEADERSHIP = DevTokens.forUser("l.moreau", "leadership");
    static final String[] CLIENTS = {"Acme Corp", "Globex Ltd", "Initech", "Hooli", "Umbrella Health", "Stark Logistics",
        "Wayne Foods", "Tyrell Labs"};
    /** The firm's calendar, as the services read it (LANES_FIRM_ZONE, default UTC): its today is theirs. */
    static final ZoneId FIRM_ZONE = ZoneId.of(env("LANES_FIRM_ZONE", "UTC"));
    static final String TODAY = LocalDate.now(FIRM_ZONE).toString();

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        await(() -> call("GET", OPS_URL + "/playbooks", PM, null).contains("contract-review"), "starter playbooks");
        subscribeWebhookEcho();
        List<String> matters = new ArrayList<>();
        int incompleteFirst = 0;
        int rejected = 0;
        for (int i = 0; i < count; i++) {
            String type = i % 3 == 0 ? "commercial-litigation" : i % 3 == 1 ? "employment-litigation" : "contract-review";
            String client = CLIENTS[i % CLIENTS.length];
            boolean completeFirst = i % 4 != 0;
            String body = intake(type, client, i, completeFirst);
            String id = id(await(() -> call("POST", INTAKE_URL + "/intakes", INTAKE, body), "intake-service to know " + type));
            if (!completeFirst) {
                call("POST", INTAKE_URL + "/intakes/" + id + "/submit", INTAKE, "");
                call("PATCH", INTAKE_URL + "/intakes/" + id, INTAKE, "{\"fields\":{\"clientContactEmail\":\"legal@"
                        + slug(client) + ".example\"}}");
                incompleteFirst++;
            }
            call("POST", INTAKE_URL + "/intakes/" + id + "/submit", INTAKE, "");
            String matter = MatterIds.fromIntake(UUID.fromString(id)).toString();
            await(() -> call("GET", MATTER_URL + "/handoffs/" + matter, PM, null), "the handoff of intake " + id);
            if (i % 5 == 2) {
                call("POST", MATTER_URL + "/handoffs/" + matter + "/reject", PM,
                        "{\"reasons\":[{\"code\":\"MISSING_INFORMATION\",\"detail\":\"Please name the counterparty's counsel\"}]}");
                await(() -> call("GET", INTAKE_URL + "/intakes/" + id, INTAKE, null).contains("\"RETURNED\""), "rework");
                call("PATCH", INTAKE_URL + "/intakes/" + id, INTAKE, "{\"matterName\":\"" + client + " — " + type
                        + " #" + i + " (counsel named)\"}");
                call("POST", INTAKE_URL + "/intakes/" + id + "/submit", INTAKE, "");
                await(() -> call("GET", MATTER_URL + "/handoffs/" + matter, PM, null).contains("\"PENDING\""),
                        "the resubmitted handoff");
                rejected++;
            }
            call("POST", MATTER_URL + "/handoffs/" + matter + "/accept", PM, "{}");
            matters.add(matter);
            live(matter, type, i);
        }
        System.out.printf("demo firm: %d matters opened (%d incomplete at first, %d rejected and reworked); "
                + "detection reports the past-due milestones within a minute%n", matters.size(), incompleteFirst, rejected);
        workQueues();
        scorecards();
    }

    /**
     * The PM's tool subscribes deploy/local/webhook-echo to every escalation event (the echo verifies the
     * signatures with the secret written where it looks for it), and the PM subscribes a calendar app to
     * their milestones.
     */
    static void subscribeWebhookEcho() throws Exception {
        String url = env("LANES_WEBHOOK_ECHO_URL", "http://127.0.0.1:8099/lanes");
        String created = call("POST", SUBSCRIPTION_URL + "/subscriptions", PM, "{\"url\":\"" + url + "\",\"types\":"
                + "[\"milestone-slipped\",\"budget-variance\",\"escalation-raised\",\"escalation-reassigned\","
                + "\"escalation-resolved\",\"task-blocked\"],\"description\":\"demo: deploy/local/webhook-echo\"}");
        String secret = first(created, "\"secret\":\"(whsec_[^\"]+)\"");
        if (secret == null) {
            throw new IllegalStateException("subscribing the webhook echo failed: " + created);
        }
        java.nio.file.Files.writeString(
                java.nio.file.Path.of(env("LANES_WEBHOOK_ECHO_SECRET_FILE", ".lanes/webhook-echo.secret")), secret);
        System.out.println("demo firm: webhook-echo subscribed to escalations (" + url + ")");
        String feed = first(call("POST", SUBSCRIPTION_URL + "/calendars", PM, "{\"assignee\":\"p.patel\"}"),
                "\"url\":\"([^\"]+)\"");
        java.nio.file.Files.writeString(
                java.nio.file.Path.of(env("LANES_CALENDAR_URL_FILE", ".lanes/calendar.url")), feed + "\n");
        System.out.println("demo firm: p.patel's milestone calendar " + feed);
    }

    /** What needs people now (GET /work): the PM's queue, and the attorney's with the blocked tasks handed over. */
    static void workQueues() throws Exception {
        String pm = call("GET", MATTER_URL + "/work", PM, null);
        String attorney = call("GET", MATTER_URL + "/work?assignee=a.chen", LEADERSHIP, null);
        System.out.printf("work queues: p.patel %d items, escalations among them: %d; a.chen %d items, escalations: %d; "
                        + "escalations also on lanes.escalations.v1 (deploy/local/escalations)%n",
                count(pm, "\"kind\":"), count(pm, "\"kind\":\"ESCALATION\""),
                count(attorney, "\"kind\":"), count(attorney, "\"kind\":\"ESCALATION\""));
    }

    static long count(String text, String regex) {
        return Pattern.compile(regex).matcher(text).results().count();
    }

    /** Waits until kpi-service has every event, then says how much of each scorecard has data and the verdict. */
    static void scorecards() throws Exception {
        await(() -> !call("GET", KPI_URL + "/projection/status", LEADERSHIP, null).matches("(?s).*\"lag\":[1-9].*"),
                "kpi-service to catch up");
        for (String kind : new String[] {"ops", "pm", "shared"}) {
            String card = call("GET", KPI_URL + "/scorecards/" + kind, LEADERSHIP, null);
            long kpis = count(card, "\"key\":");
            long noData = count(card, "\"status\":\"NO_DATA\"");
            long off = count(card, "\"status\":\"OFF_TARGET\"");
            System.out.printf("scorecard %-6s %d KPIs: %d with data (%d off target)%n", kind, kpis, kpis - noData, off);
        }
        System.out.printf("diagnosis: %s%n", first(call("GET", KPI_URL + "/diagnosis", LEADERSHIP, null),
                "\"verdict\":\"([A-Z_]+)\""));
    }

    /** What happens on a live matter: milestones, time, status updates, escalations, tasks, write-downs, closes. */
    static void live(String matter, String type, int i) throws Exception {
        String phase = type.equals("contract-review") ? "P100" : "L100";
        String view = call("GET", MATTER_URL + "/matters/" + matter, PM, null);
        String firstMilestone = first(view, "\"milestones\":\\[\\{\"id\":\"([0-9a-f-]{36})\"");
        if (i % 2 == 0 && firstMilestone != null) {
            call("POST", MATTER_URL + "/matters/" + matter + "/milestones/" + firstMilestone + "/complete", PM, "{}");
        }
        if (i % 3 == 1) {
            call("POST", MATTER_URL + "/matters/" + matter + "/milestones", PM, "{\"name\":\"Client document review\","
                    + "\"dueDate\":\"" + LocalDate.now(FIRM_ZONE).minusDays(3 + i % 5) + "\",\"owner\":\"associate\","
                    + "\"phase\":\"" + phase + "\",\"hardDeadline\":" + (i % 6 == 1) + "}");
        }
        if (i % 6 == 5) {
            // A court date three days out: detection warns of it (DEADLINE_APPROACHING) before it is missed.
            call("POST", MATTER_URL + "/matters/" + matter + "/milestones", PM, "{\"name\":\"File the answer\","
                    + "\"dueDate\":\"" + LocalDate.now(FIRM_ZONE).plusDays(3) + "\",\"owner\":\"associate\","
                    + "\"phase\":\"" + phase + "\",\"hardDeadline\":true}");
        }
        int entries = 2 + i % 4;
        for (int e = 0; e < entries; e++) {
            boolean admin = e == 0 && i % 2 == 1;
            call("POST", MATTER_URL + "/matters/" + matter + "/time-entries", PM, "{\"timekeeper\":\"a.chen\","
                    + "\"timekeeperRole\":\"" + (e % 2 == 0 ? "ATTORNEY" : "PARALEGAL") + "\",\"workDate\":\"" + TODAY
                    + "\",\"hours\":" + (1.5 + e) + ",\"amount\":" + (i % 4 == 3 ? 1400 : 300) * (e + 1) + ",\"phase\":\""
                    + phase + "\",\"activityCode\":\"A10" + (1 + e % 8) + "\",\"billable\":" + !admin + ",\"admin\":" + admin + "}");
        }
        if (i % 3 != 2) {
            call("POST", MATTER_URL + "/matters/" + matter + "/status-updates", PM,
                    "{\"summary\":\"Weekly update: work on plan, next steps agreed with the client\"}");
        }
        String afterTime = call("GET", MATTER_URL + "/matters/" + matter, PM, null);
        String actual = first(afterTime, "\\{\"phase\":\"" + phase + "\",\"budget\":[0-9.]+,\"actual\":([0-9.]+)");
        if (i % 4 == 3 && actual != null) {
            // The heavy matters overran the phase: the PM revises it for the scope that grew (levels re-arm).
            call("POST", MATTER_URL + "/matters/" + matter + "/budget/revisions", PM, "{\"phase\":\"" + phase
                    + "\",\"amount\":" + Math.round(Double.parseDouble(actual) * 1.6)
                    + ",\"reason\":\"Client widened the scope\"}");
        }
        String escalation = first(afterTime, "\"openEscalations\":\\[\\{\"id\":\"([0-9a-f-]{36})\"");
        if (escalation != null && i % 2 == 1) {
            call("POST", MATTER_URL + "/matters/" + matter + "/escalations/" + escalation + "/resolve", PM,
                    "{\"resolution\":\"Budget revised with the client\"}");
        }
        tasks(matter, i);
        if (i % 4 == 1) {
            blockTask(matter, view, i);
        }
        if (i % 8 == 0 || i % 5 == 4) {
            call("POST", MATTER_URL + "/matters/" + matter + "/client-feedback", PM, "{\"score\":" + (3 + i % 3) + "}");
        }
        if (i % 6 == 0 || i % 6 == 3) {
            call("POST", MATTER_URL + "/matters/" + matter + "/write-downs", PM, "{\"amount\":" + (150 + 50 * (i % 4))
                    + ",\"cause\":\"" + (i % 6 == 0 ? "PROCESS_FAILURE" : "CLIENT_NEGOTIATION") + "\"}");
        }
        if (i % 5 == 4) {
            call("POST", MATTER_URL + "/matters/" + matter + "/close", PM, "{\"outcome\":\"SETTLED\"}");
        }
    }

    /** One task per matter: a third left open past its due date, a third done late, a third done early. */
    static void tasks(String matter, int i) throws Exception {
        LocalDate today = LocalDate.now(FIRM_ZONE);
        LocalDate due = i % 3 == 2 ? today.plusDays(5) : today.minusDays(1 + i % 4);
        String task = first(call("POST", MATTER_URL + "/matters/" + matter + "/tasks", PM, "{\"title\":\"Collect documents\","
                + "\"assignee\":\"a.chen\",\"dueDate\":\"" + due + "\"}"),
                "\\{\"id\":\"([0-9a-f-]{36})\",\"milestoneId\":[^,]*,\"title\":\"Collect documents\"");
        if (i % 3 != 0 && task != null) {
            call("POST", MATTER_URL + "/matters/" + matter + "/tasks/" + task + "/complete", PM, "{}");
        }
    }

    /** The playbook's first task waits on the client: blocked (TASK_BLOCKED), and some handed to the attorney. */
    static void blockTask(String matter, String view, int i) throws Exception {
        String task = first(view, "\"tasks\":\\[\\{\"id\":\"([0-9a-f-]{36})\"");
        if (task == null) {
            return;
        }
        String blocked = call("POST", MATTER_URL + "/matters/" + matter + "/tasks/" + task + "/block", PM,
                "{\"reason\":\"Waiting for the client's documents\"}");
        String escalation = first(blocked, "\\{\"id\":\"([0-9a-f-]{36})\",\"cause\":\"TASK_BLOCKED\"");
        if (i % 8 == 1 && escalation != null) {
            call("POST", MATTER_URL + "/matters/" + matter + "/escalations/" + escalation + "/reassign", PM,
                    "{\"assignTo\":\"a.chen\"}");
        }
    }

    static String intake(String type, String client, int i, boolean complete) {
        String email = complete ? ",\"clientContactEmail\":\"legal@" + slug(client) + ".example\"" : "";
        String common = "\"clientLegalName\":\"" + client + "\"" + email + ",\"conflictCheckCleared\":true,"
                + "\"engagementLetterSigned\":true";
        String fields;
        String checklist;
        switch (type) {
            case "commercial-litigation":
                fields = common + ",\"adverseParties\":\"" + CLIENTS[(i + 3) % CLIENTS.length] + "\",\"feeArrangement\":\"HOURLY\","
                        + "\"statuteOfLimitationsDate\":\"2027-0" + (1 + i % 9) + "-15\",\"claimValue\":" + (100000 + i * 5000)
                        + ",\"venue\":\"S.D.N.Y.\",\"litigationHoldIssued\":true";
                checklist = keys("conflict-check", "engagement-letter", "litigation-hold", "budget-estimate");
                break;
            case "employment-litigation":
                fields = common + ",\"adverseParties\":\"Former employee\",\"feeArrangement\":\"FIXED_FEE\","
                        + "\"statuteOfLimitationsDate\":\"2027-0" + (1 + i % 9) + "-01\",\"agencyChargeFiled\":true,"
                        + "\"employeeCount\":" + (50 + i * 10) + ",\"claimType\":\"RETALIATION\"";
                checklist = keys("conflict-check", "engagement-letter", "personnel-file", "insurance-notice");
                break;
            default:
                fields = common + ",\"counterparty\":\"" + CLIENTS[(i + 1) % CLIENTS.length] + "\",\"contractType\":\"MSA\","
                        + "\"contractValue\":" + (50000 + i * 1000) + ",\"signatureDeadline\":\"2027-02-" + (10 + i % 15) + "\"";
                checklist = keys("conflict-check", "engagement-letter", "playbook-positions");
        }
        return "{\"matterType\":\"" + type + "\",\"matterName\":\"" + client + " — " + type + " #" + i + "\","
                + "\"client\":{\"name\":\"" + client + "\",\"kind\":\"ORGANIZATION\"},\"fields\":{" + fields + "},"
                + "\"checklist\":" + checklist + ",\"keyDates\":[],\"estimatedBudget\":" + (8000 + i * 500) + ",\"currency\":\"USD\"}";
    }

    static String keys(String... keys) {
        List<String> items = new ArrayList<>();
        for (String key : keys) {
            items.add("{\"key\":\"" + key + "\",\"done\":true}");
        }
        return "[" + String.join(",", items) + "]";
    }

    static String call(String method, String url, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", method.equals("PATCH") ? "application/merge-patch+json" : "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 500 || response.statusCode() == 401 || response.statusCode() == 403) {
            throw new IllegalStateException(method + " " + url + " -> " + response.statusCode() + " " + response.body());
        }
        return response.statusCode() + " " + response.body();
    }

    interface Attempt<T> {
        T get() throws Exception;
    }

    /** Retries until the answer is a 2xx (or true): the services learn of each other's events within moments. */
    static String await(Attempt<Object> attempt, String what) throws Exception {
        for (int i = 0; i < 120; i++) {
            Object result = attempt.get();
            if (result instanceof Boolean ? (Boolean) result : result.toString().startsWith("2")) {
                return result.toString();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("gave up waiting for " + what);
    }

    static String id(String response) {
        return first(response, "\"id\":\"([0-9a-f-]{36})\"");
    }

    static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : null;
    }

    static String slug(String client) {
        return client.toLowerCase().replaceAll("[^a-z]+", "");
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
