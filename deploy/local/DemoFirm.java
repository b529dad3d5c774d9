import io.lanes.contracts.MatterIds;
import io.lanes.testing.DevTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads a demo firm with months of history through the real APIs of a running Lanes (deploy/local/run
 * calls it): the services' clocks travel (POST /admin/clock, local profile only) from about six months
 * ago to today while intakes of three matter types arrive week after week, some incomplete on the first
 * submission, handoffs are accepted hours to days later or rejected and reworked, milestones are met or
 * slip, time is entered day by day (crossing budget thresholds), status updates go out weekly, tasks are
 * done early, late or never, escalations are resolved, matters close and kpi-service produces its weekly
 * snapshots as each Monday passes. Then the clocks come back to today. Run: deploy/local/demo (after
 * deploy/local/run built everything).
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
    static final String ADMIN = DevTokens.forUser("a.admin", "admin");
    static final String OPS = DevTokens.forUser("o.ramirez", "ops");
    static final String[] SERVICES = {OPS_URL, INTAKE_URL, MATTER_URL, KPI_URL, SUBSCRIPTION_URL};
    /** How far back the firm's history starts (LANES_DEMO_HISTORY_DAYS, default about six months). */
    static final int HISTORY_DAYS = Integer.parseInt(env("LANES_DEMO_HISTORY_DAYS", "182"));
    static final String[] CLIENTS = {"Acme Corp", "Globex Ltd", "Initech", "Hooli", "Umbrella Health", "Stark Logistics",
        "Wayne Foods", "Tyrell Labs"};
    /** The firm's calendar, as the services read it (LANES_FIRM_ZONE, default UTC): its today is theirs. */
    static final ZoneId FIRM_ZONE = ZoneId.of(env("LANES_FIRM_ZONE", "UTC"));

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        await(() -> call("GET", OPS_URL + "/playbooks", PM, null).contains("contract-review"), "starter playbooks");
        subscribeWebhookEcho();
        Instant now = Instant.now();
        LocalDate first = LocalDate.now(FIRM_ZONE).minusDays(HISTORY_DAYS);
        // Intakes arrive until a week ago; what a matter would do after today is not done (yet).
        long span = Math.max(1, HISTORY_DAYS - 7);
        List<Matter> matters = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Matter matter = new Matter(i, first.plusDays(span * i / Math.max(1, count)));
            matter.plan();
            matters.add(matter);
        }
        at(at(first, 8), DemoFirm::adoptPlaybooks);
        at(at(first.plusDays(HISTORY_DAYS / 2), 8), DemoFirm::reviseCommercialLitigation);
        for (LocalDate monday = first.with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY));
                monday.isBefore(LocalDate.now(FIRM_ZONE)); monday = monday.plusWeeks(1)) {
            LocalDate slotDay = monday;
            at(monday.atTime(6, 5).atZone(java.time.ZoneOffset.UTC).toInstant(), () -> weeklySnapshot(slotDay));
        }
        TIMELINE.sort(java.util.Comparator.comparing(Step::at).thenComparing(Step::order));
        System.out.printf("demo firm: %d matters over the %d days up to today: the services' clocks travel through "
                + "them (POST /admin/clock), %d steps ...%n", count, HISTORY_DAYS, TIMELINE.size());
        try {
            int done = 0;
            for (Step step : TIMELINE) {
                if (step.at().isBefore(now)) {
                    travelTo(step.at());
                    step.action().run();
                }
                if (++done % 150 == 0) {
                    System.out.printf("demo firm: %s (%d of %d steps)%n", clockToday(), done, TIMELINE.size());
                }
            }
        } finally {
            travelBack();
        }
        for (Matter matter : matters) {
            matter.present();
        }
        long incompleteFirst = matters.stream().filter(m -> !m.completeFirst).count();
        long rejected = matters.stream().filter(m -> m.rejected).count();
        System.out.printf("demo firm: %d matters opened (%d incomplete at first, %d rejected and reworked), %d closed; "
                        + "detection reports the past-due milestones within a minute%n",
                matters.size(), incompleteFirst, rejected, matters.stream().filter(m -> m.closes).count());
        workQueues();
        scorecards();
        replayStricterDraft();
    }

    /**
     * On the history's first day legal ops publishes the starter playbooks as the firm's own (version 2),
     * so the matters of the history are accepted on a version that was the newest then.
     */
    static void adoptPlaybooks() throws Exception {
        java.nio.file.Path starters = java.nio.file.Path.of(env("LANES_REPOSITORY", "."),
                "ops-config-service/src/main/resources/starter-playbooks");
        for (String type : new String[] {"commercial-litigation", "employment-litigation", "contract-review"}) {
            String draft = id(call("POST", OPS_URL + "/playbooks/" + type + "/drafts", OPS,
                    java.nio.file.Files.readString(starters.resolve(type + ".json"))));
            String published = call("POST", OPS_URL + "/playbooks/" + type + "/drafts/" + draft + "/publish", OPS, "");
            if (!published.startsWith("201")) {
                throw new IllegalStateException("publishing " + type + " failed: " + published);
            }
        }
        // intake-service learns of them from lanes.ops-config.v1 within moments; the first intake is later.
        Thread.sleep(2000);
    }

    /**
     * Halfway through the history legal ops gives commercial litigation's initial case assessment 20
     * business days instead of 10 (version 3): the matters accepted after it are on the new version, and
     * kpi-service's impact view compares them with those accepted on version 2.
     */
    static void reviseCommercialLitigation() throws Exception {
        String draft = id(call("POST", OPS_URL + "/playbooks/commercial-litigation/drafts", OPS, version3()));
        String published = call("POST", OPS_URL + "/playbooks/commercial-litigation/drafts/" + draft + "/publish", OPS, "");
        if (!published.startsWith("201")) {
            throw new IllegalStateException("publishing commercial-litigation v3 failed: " + published);
        }
    }

    /** When the services' clocks should read, and what to do then. */
    record Step(Instant at, int order, Action action) {}

    interface Action {
        void run() throws Exception;
    }

    static final List<Step> TIMELINE = new ArrayList<>();

    static void at(Instant when, Action action) {
        TIMELINE.add(new Step(when, TIMELINE.size(), action));
    }

    static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(FIRM_ZONE).toInstant();
    }

    /** The moment the clocks were last set to, and when (real time): they run on from there. */
    static Instant travelledTo = Instant.now();
    static long travelledAt = System.nanoTime();

    static boolean travelled;

    /** Sets every service's clock to {@code moment}, unless they read it already (time only goes forward). */
    static void travelTo(Instant moment) throws Exception {
        if (travelled && !moment.isAfter(travelledTo.plusNanos(System.nanoTime() - travelledAt))) {
            return;
        }
        for (String service : SERVICES) {
            String answer = call("POST", service + "/admin/clock", ADMIN, "{\"to\":\"" + moment + "\"}");
            if (!answer.startsWith("200")) {
                throw new IllegalStateException("the clock of " + service + " does not travel (run the services in the "
                        + "local profile, or set LANES_DEMO_HISTORY_DAYS=0): " + answer);
            }
        }
        travelled = true;
        travelledTo = moment;
        travelledAt = System.nanoTime();
    }

    static void travelBack() throws Exception {
        for (String service : SERVICES) {
            call("DELETE", service + "/admin/clock", ADMIN, null);
        }
    }

    /** kpi-service produces Monday's snapshot once its clock passes 06:00 (it checks every few seconds locally). */
    static void weeklySnapshot(LocalDate monday) throws Exception {
        String slot = monday.atTime(6, 0).atZone(java.time.ZoneOffset.UTC).toInstant().toString();
        for (int i = 0; i < 40; i++) {
            if (call("GET", KPI_URL + "/snapshots/" + slot, LEADERSHIP, null).startsWith("200")) {
                return;
            }
            Thread.sleep(250);
        }
        System.out.println("demo firm: the snapshot of " + slot + " is not there yet; it comes late");
    }

    /** One matter's life, planned as steps on the timeline: intake, handoff, then a month of work. */
    static final class Matter {
        final int i;
        final LocalDate opened;
        final String type;
        final String client;
        final boolean completeFirst;
        final boolean rejected;
        final boolean closes;
        final String phase;
        String intakeId;
        String matterId;
        LocalDate accepted;

        Matter(int i, LocalDate day) {
            this.i = i;
            this.opened = weekday(day);
            this.type = i % 3 == 0 ? "commercial-litigation" : i % 3 == 1 ? "employment-litigation" : "contract-review";
            this.client = CLIENTS[i % CLIENTS.length];
            this.completeFirst = i % 4 != 0;
            this.rejected = i % 5 == 2;
            this.closes = i % 5 == 4;
            this.phase = type.equals("contract-review") ? "P100" : "L100";
        }

        void plan() {
            at(at(opened, 9 + i % 3), this::submit);
            LocalDate decided = opened;
            if (rejected) {
                at(at(opened.plusDays(1), 11), this::reject);
                at(at(opened.plusDays(2), 10), this::rework);
                decided = opened.plusDays(2);
            }
            // Hours to days from submission to acceptance: intakeToOpenHours has a spread.
            int[] hours = {4, 26, 50, 74};
            accepted = decided.plusDays(hours[i % 4] / 24);
            at(at(decided, 9 + i % 3).plusSeconds(3600L * hours[i % 4]), this::accept);
            LocalDate a = accepted;
            at(at(a.plusDays(1), 10), this::firstWeek);
            for (int e = 0; e < 3 + i % 4; e++) {
                int entry = e;
                LocalDate work = weekday(a.plusDays(2 + e * 5));
                // Most time is entered the day it is worked; every third entry a few days late.
                at(at(entry % 3 == 2 ? work.plusDays(3) : work, 17), () -> time(entry, work));
            }
            if (i % 3 != 2) {
                for (int w = 1; w <= 4; w++) {
                    // Weekly status updates; one matter in four skips its third week.
                    if (!(w == 3 && i % 4 == 0)) {
                        at(at(weekday(a.plusDays(7L * w)), 15), this::statusUpdate);
                    }
                }
            }
            // The task is due 5 days after acceptance (11 for a third): done on time, late or never.
            at(at(a.plusDays(i % 3 == 1 ? 4 : 13), 12), this::completeTask);
            // The playbook's tasks and later milestones: done by their due dates on most matters (a weekly look
            // ahead), a week late on one in five, left open on one in seven.
            if (i % 7 != 3) {
                for (int w = 1; w <= 8; w++) {
                    LocalDate look = weekday(a.plusDays(7L * w));
                    LocalDate dueBy = i % 5 == 0 ? look.minusDays(7) : look.plusDays(6);
                    at(at(look, 13), () -> completeTasksDueBy(dueBy));
                }
            }
            // The playbook's first milestone: met early by some, late by others, left to slip by the rest.
            if (i % 4 != 3) {
                at(at(weekday(a.plusDays(i % 4 == 2 ? 25 : 3 + i % 3)), 16),
                        () -> completeMilestone("\"milestones\":\\[\\{\"id\":\"([0-9a-f-]{36})\""));
            }
            if (i % 3 == 1 && i % 2 == 0) {
                // The client document review, met on time on every other matter that has one.
                at(at(a.plusDays(3), 15), () -> completeMilestone(
                        "\\{\"id\":\"([0-9a-f-]{36})\"[^}]*\"name\":\"Client document review\""));
            }
            at(at(a.plusDays(20), 11), this::reviseOrResolve);
            if (i % 8 == 0 || i % 5 == 4) {
                at(at(a.plusDays(25), 14), () -> call("POST", MATTER_URL + "/matters/" + matterId + "/client-feedback", PM,
                        "{\"score\":" + (3 + i % 3) + "}"));
            }
            if (i % 6 == 0 || i % 6 == 3) {
                at(at(a.plusDays(27), 10), () -> call("POST", MATTER_URL + "/matters/" + matterId + "/write-downs", PM,
                        "{\"amount\":" + (150 + 50 * (i % 4)) + ",\"cause\":\""
                                + (i % 6 == 0 ? "PROCESS_FAILURE" : "CLIENT_NEGOTIATION") + "\"}"));
            }
            if (closes) {
                at(at(weekday(a.plusDays(30)), 16), () -> call("POST", MATTER_URL + "/matters/" + matterId + "/close", PM,
                        "{\"outcome\":\"SETTLED\"}"));
            }
        }

        void submit() throws Exception {
            String body = intake(type, client, i, completeFirst);
            intakeId = id(await(() -> call("POST", INTAKE_URL + "/intakes", INTAKE, body), "intake-service to know " + type));
            matterId = MatterIds.fromIntake(UUID.fromString(intakeId)).toString();
            if (!completeFirst) {
                call("POST", INTAKE_URL + "/intakes/" + intakeId + "/submit", INTAKE, "");
                call("PATCH", INTAKE_URL + "/intakes/" + intakeId, INTAKE, "{\"fields\":{\"clientContactEmail\":\"legal@"
                        + slug(client) + ".example\"}}");
            }
            call("POST", INTAKE_URL + "/intakes/" + intakeId + "/submit", INTAKE, "");
        }

        void reject() throws Exception {
            await(() -> call("GET", MATTER_URL + "/handoffs/" + matterId, PM, null), "the handoff of intake " + intakeId);
            call("POST", MATTER_URL + "/handoffs/" + matterId + "/reject", PM,
                    "{\"reasons\":[{\"code\":\"MISSING_INFORMATION\",\"detail\":\"Please name the counterparty's counsel\"}]}");
        }

        void rework() throws Exception {
            await(() -> call("GET", INTAKE_URL + "/intakes/" + intakeId, INTAKE, null).contains("\"RETURNED\""), "rework");
            call("PATCH", INTAKE_URL + "/intakes/" + intakeId, INTAKE, "{\"matterName\":\"" + client + " — " + type
                    + " #" + i + " (counsel named)\"}");
            call("POST", INTAKE_URL + "/intakes/" + intakeId + "/submit", INTAKE, "");
        }

        void accept() throws Exception {
            await(() -> call("GET", MATTER_URL + "/handoffs/" + matterId, PM, null).contains("\"PENDING\""),
                    "the handoff of intake " + intakeId);
            call("POST", MATTER_URL + "/handoffs/" + matterId + "/accept", PM, "{}");
        }

        /** The first week: a review milestone due in a week (met by half, slipped by the rest), a task, a block. */
        void firstWeek() throws Exception {
            if (i % 3 == 1) {
                call("POST", MATTER_URL + "/matters/" + matterId + "/milestones", PM, "{\"name\":\"Client document review\","
                        + "\"dueDate\":\"" + clockToday().plusDays(3 + i % 5) + "\",\"owner\":\"associate\","
                        + "\"phase\":\"" + phase + "\",\"hardDeadline\":" + (i % 6 == 1) + "}");
            }
            LocalDate due = clockToday().plusDays(i % 3 == 2 ? 10 : 4);
            call("POST", MATTER_URL + "/matters/" + matterId + "/tasks", PM, "{\"title\":\"Collect documents\","
                    + "\"assignee\":\"a.chen\",\"dueDate\":\"" + due + "\"}");
            if (i % 4 == 1) {
                blockTask(matterId, call("GET", MATTER_URL + "/matters/" + matterId, PM, null), i);
            }
        }

        void time(int e, LocalDate work) throws Exception {
            boolean admin = e == 0 && i % 2 == 1;
            call("POST", MATTER_URL + "/matters/" + matterId + "/time-entries", PM, "{\"timekeeper\":\""
                    + (i % 2 == 0 ? "a.chen" : "b.ortiz") + "\",\"timekeeperRole\":\""
                    + (e % 2 == 0 ? "ATTORNEY" : "PARALEGAL") + "\",\"workDate\":\"" + work
                    + "\",\"hours\":" + (1.5 + e) + ",\"amount\":" + (i % 4 == 3 ? 1400 : 300) * (e + 1) + ",\"phase\":\""
                    + phase + "\",\"activityCode\":\"A10" + (1 + e % 8) + "\",\"billable\":" + !admin + ",\"admin\":" + admin + "}");
        }

        void statusUpdate() throws Exception {
            call("POST", MATTER_URL + "/matters/" + matterId + "/status-updates", PM,
                    "{\"summary\":\"Weekly update: work on plan, next steps agreed with the client\"}");
        }

        /** A third of the "Collect documents" tasks are done on time, a third late, a third never. */
        void completeTask() throws Exception {
            if (i % 3 == 0) {
                return;
            }
            for (String[] task : openTasks(call("GET", MATTER_URL + "/matters/" + matterId, PM, null))) {
                if (task[1].equals("Collect documents")) {
                    call("POST", MATTER_URL + "/matters/" + matterId + "/tasks/" + task[0] + "/complete", PM, "{}");
                }
            }
        }

        /**
         * Completes the matter's open playbook tasks and milestones due by {@code dueBy}; "Collect documents" and
         * the first milestone have their own plans.
         */
        void completeTasksDueBy(LocalDate dueBy) throws Exception {
            String view = call("GET", MATTER_URL + "/matters/" + matterId, PM, null);
            for (String[] task : openTasks(view)) {
                if (!task[1].equals("Collect documents") && task[2] != null && !LocalDate.parse(task[2]).isAfter(dueBy)) {
                    call("POST", MATTER_URL + "/matters/" + matterId + "/tasks/" + task[0] + "/complete", PM, "{}");
                }
            }
            String first = first(view, "\"milestones\":\\[\\{\"id\":\"([0-9a-f-]{36})\"");
            Matcher milestone = Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\",\"templateKey\":[^{}]*?"
                            + "\"dueDate\":\"([0-9-]{10})\"[^{}]*}")
                    .matcher(view);
            while (milestone.find()) {
                if (!milestone.group(1).equals(first)
                        && !milestone.group().contains("\"completedOn\"")
                        && !LocalDate.parse(milestone.group(2)).isAfter(dueBy)) {
                    call("POST", MATTER_URL + "/matters/" + matterId + "/milestones/" + milestone.group(1) + "/complete",
                            PM, "{}");
                }
            }
        }

        /** Completes the milestone of the matter's view that {@code pattern} finds (its id, group 1), if any. */
        void completeMilestone(String pattern) throws Exception {
            String view = call("GET", MATTER_URL + "/matters/" + matterId, PM, null);
            String milestone = first(view, pattern);
            if (milestone != null) {
                call("POST", MATTER_URL + "/matters/" + matterId + "/milestones/" + milestone + "/complete", PM, "{}");
            }
        }

        /** The heavy matters overran the phase: the PM revises it; on others an open escalation is resolved. */
        void reviseOrResolve() throws Exception {
            String view = call("GET", MATTER_URL + "/matters/" + matterId, PM, null);
            String actual = first(view, "\\{\"phase\":\"" + phase + "\",\"budget\":[0-9.]+,\"actual\":([0-9.]+)");
            if (i % 4 == 3 && actual != null) {
                call("POST", MATTER_URL + "/matters/" + matterId + "/budget/revisions", PM, "{\"phase\":\"" + phase
                        + "\",\"amount\":" + Math.round(Double.parseDouble(actual) * 1.6)
                        + ",\"reason\":\"Client widened the scope\"}");
            }
            String escalation = first(view, "\"openEscalations\":\\[\\{\"id\":\"([0-9a-f-]{36})\"");
            if (escalation != null && i % 2 == 1) {
                call("POST", MATTER_URL + "/matters/" + matterId + "/escalations/" + escalation + "/resolve", PM,
                        "{\"resolution\":\"Handled with the client\"}");
            }
        }

        /** Back in the present: a court date three days out on some open matters (DEADLINE_APPROACHING). */
        void present() throws Exception {
            if (i % 6 == 5 && !closes && matterId != null) {
                call("POST", MATTER_URL + "/matters/" + matterId + "/milestones", PM, "{\"name\":\"File the answer\","
                        + "\"dueDate\":\"" + LocalDate.now(FIRM_ZONE).plusDays(3) + "\",\"owner\":\"associate\","
                        + "\"phase\":\"" + phase + "\",\"hardDeadline\":true}");
            }
        }
    }

    /** The firm's day the services' clocks read now. */
    static LocalDate clockToday() {
        return LocalDate.ofInstant(travelledTo.plusNanos(System.nanoTime() - travelledAt), FIRM_ZONE);
    }

    static LocalDate weekday(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> day.plusDays(2);
            case SUNDAY -> day.plusDays(1);
            default -> day;
        };
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
        String impact = call("GET", KPI_URL + "/playbooks/commercial-litigation/versions/3/impact", OPS, null);
        System.out.printf("impact of commercial-litigation v3: %d of %d KPIs tested, %d beyond chance%n",
                count(impact, "\"verdict\":\"(BETTER|WORSE|WITHIN_CHANCE)\""), count(impact, "\"verdict\":"),
                count(impact, "\"verdict\":\"(BETTER|WORSE)\""));
    }

    /** Commercial litigation's version 3: the starter playbook with 20 business days for the initial case assessment. */
    static String version3() throws Exception {
        java.nio.file.Path starter = java.nio.file.Path.of(env("LANES_REPOSITORY", "."),
                "ops-config-service/src/main/resources/starter-playbooks/commercial-litigation.json");
        String revised = java.nio.file.Files.readString(starter).replaceFirst(
                "(?<assessment>\"templateKey\": \"initial-case-assessment\",\\s*\"name\": \"[^\"]*\",\\s*"
                        + "\"offsetDays\": )10",
                "${assessment}20");
        if (revised.equals(java.nio.file.Files.readString(starter))) {
            throw new IllegalStateException("the initial case assessment's offset was not found in " + starter);
        }
        return revised;
    }

    /**
     * Before publishing a version 4, legal ops asks what a stricter commercial-litigation playbook would have
     * done to the whole history: warn at 60 % of a budget line instead of 80, and no grace after a milestone's
     * date instead of two days. The draft stays, for anyone to replay again.
     */
    static void replayStricterDraft() throws Exception {
        String stricter = version3()
                .replaceFirst("\"budgetWarningPct\": 80", "\"budgetWarningPct\": 60")
                .replaceFirst("\"slipGraceDays\": 2", "\"slipGraceDays\": 0");
        String draft = id(call("POST", OPS_URL + "/playbooks/commercial-litigation/drafts", OPS, stricter));
        LocalDate today = LocalDate.now(FIRM_ZONE);
        String path = "/playbooks/commercial-litigation/drafts/" + draft + "/replay";
        String replay = call("POST", OPS_URL + path, OPS,
                "{\"from\":\"" + today.minusDays(HISTORY_DAYS) + "\",\"to\":\"" + today + "\"}");
        if (!replay.startsWith("200")) {
            throw new IllegalStateException("replaying the stricter draft failed: " + replay);
        }
        System.out.printf("replay of a stricter commercial-litigation draft over %s matters (%s reproduced as they ran): "
                        + "%d budget alerts earlier or new, %d milestones would slip, %d escalations more "
                        + "(POST %s%s {from, to} as ops)%n",
                first(replay, "\"matters\":(\\d+)"), first(replay, "\"reproduced\":(\\d+)"),
                count(replay, "\"candidateOn\":\""), count(replay, "\"candidate\":\\{[^}]*\"slippedOn\":\""),
                count(replay, "\"change\":\"ADDED\"") - count(replay, "\"change\":\"REMOVED\""),
                OPS_URL, path);
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
            request.method(method, HttpRequest.BodyPublishers.noBody());
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

    /**
     * The open tasks of a matter's view, each {id, title, due date or null}. The view leaves out what a task
     * does not have (a milestone, a due date, a completion).
     */
    static List<String[]> openTasks(String view) {
        Matcher task = Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\"(?:,\"milestoneId\":\"[^\"]*\")?"
                        + ",\"title\":\"((?:[^\"\\\\]|\\\\.)*)\"(?:,\"assignee\":\"[^\"]*\")?"
                        + "(?:,\"dueDate\":\"([0-9-]{10})\")?(,\"completedOn\")?")
                .matcher(view);
        List<String[]> open = new ArrayList<>();
        while (task.find()) {
            if (task.group(4) == null) {
                open.add(new String[] {task.group(1), task.group(2), task.group(3)});
            }
        }
        return open;
    }

    static String slug(String client) {
        return client.toLowerCase().replaceAll("[^a-z]+", "");
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
