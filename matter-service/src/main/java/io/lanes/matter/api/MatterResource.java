package io.lanes.matter.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.lanes.contracts.EventJson;
import io.lanes.contracts.matter.BudgetRevised;
import io.lanes.contracts.matter.TimekeeperRole;
import io.lanes.contracts.matter.WriteDownCause;
import io.lanes.eventstore.aggregate.Versioned;
import io.lanes.matter.domain.Matter;
import io.lanes.matter.domain.MatterCommand;
import io.lanes.matter.domain.MatterStatus;
import io.lanes.matter.persistence.MatterSummary;
import io.lanes.matter.service.MatterService;
import io.lanes.matter.service.TimeExport;
import io.lanes.platform.http.ETags;
import io.lanes.platform.idempotency.IdempotencyKeys;
import io.lanes.platform.problem.FieldError;
import io.lanes.platform.problem.ProblemException;
import io.lanes.platform.security.Caller;
import io.lanes.platform.security.Callers;
import io.lanes.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A live matter for its PM: the plan and its history, and every command that keeps it on plan. A
 * command takes an optional {@code If-Match} (the matter's ETag): stale is 412; without it a
 * concurrent change is retried. A command that breaks a rule is a 409 naming the rule.
 */
@Path("/matters")
@Tag(name = "Matters", description = "Live matters: milestones, tasks, time, budget, status updates, escalations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PM)
@APIResponse(responseCode = "404", description = "No such matter")
@APIResponse(responseCode = "409", description = "The command breaks a rule of the matter (rule names it)")
@APIResponse(responseCode = "412", description = "If-Match names a stale version")
public class MatterResource {

    private static final Pattern TASK_CODE = Pattern.compile("[LPCB][1-9]\\d{2}");
    private static final Pattern ACTIVITY_CODE = Pattern.compile("A1(0[1-9]|1[01])");
    private static final Pattern SYSTEM = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    public record NewMilestone(
            @NotBlank @Size(max = 200) String name,
            @NotNull LocalDate dueDate,
            @NotBlank @Size(max = 100) String owner,
            @NotBlank @Size(max = 16) String phase,
            boolean hardDeadline) {}

    public record DueDateChange(
            @NotNull LocalDate dueDate,
            @NotBlank @Size(max = 1000) String reason) {}

    public record Completion(LocalDate completedOn) {}

    public record NewTask(
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 100) String assignee,
            @NotNull LocalDate dueDate,
            UUID milestoneId) {}

    public record TimeEntry(
            @NotBlank @Size(max = 100) String timekeeper,
            @NotNull TimekeeperRole timekeeperRole,
            @NotNull LocalDate workDate,

            @NotNull @DecimalMin("-24") @DecimalMax("24") @Digits(integer = 2, fraction = 2)
            BigDecimal hours,

            @NotNull @Digits(integer = 10, fraction = 2) BigDecimal amount,
            @NotBlank String phase,
            String taskCode,
            String activityCode,
            boolean billable,
            boolean admin,
            @Size(max = 200) String timekeeperName,
            @Size(max = 4000) String description) {}

    public record ExternalId(
            @NotBlank
            @Size(max = 100)
            @jakarta.validation.constraints.Pattern(
                    regexp = "[^|\\p{Cntrl}]+",
                    message = "must not contain | or control characters")
            String externalId) {}

    public record BudgetRevision(
            @Schema(
                    description = "A UTBMS phase of the matter, or TOTAL; a phase's revision moves TOTAL by as much",
                    example = "L200")
            @NotBlank
            @Size(max = 16)
            String phase,

            @Schema(description = "The revised budget", example = "30000.00")
            @NotNull
            @DecimalMin("0.01")
            @Digits(integer = 10, fraction = 2)
            BigDecimal amount,

            @Schema(
                    description = "The change of scope, for the audit trail and the client",
                    example = "Second deposition added")
            @NotBlank
            @Size(max = 1000)
            String reason) {}

    public record StatusUpdate(@NotBlank @Size(max = 4000) String summary, LocalDate sentOn) {}

    public record Resolution(@NotBlank @Size(max = 1000) String resolution) {}

    public record Reassignment(
            @Schema(description = "Who answers the escalation from now on (a user id)", example = "r.okafor")
            @NotBlank
            @Size(max = 255)
            String assignTo) {}

    public record Blocking(
            @Schema(description = "What the task waits for", example = "Client has not sent the custodian list")
            @NotBlank
            @Size(max = 1000)
            String reason) {}

    public record Screen(
            @Schema(description = "The user (token subject) to wall off the matter", example = "d.kim")
            @NotBlank
            @Size(max = 255)
            String user,

            @Schema(description = "Why, for the audit trail", example = "Acted for Globex in 2024")
            @NotBlank
            @Size(max = 1000)
            String reason) {}

    public record ScreenLifting(@NotBlank @Size(max = 1000) String reason) {}

    public record WriteDown(
            @NotNull @DecimalMin("0.01") @Digits(integer = 10, fraction = 2)
            BigDecimal amount,

            @NotNull WriteDownCause cause,
            @Size(max = 1000) String note) {}

    public record Feedback(
            @Min(1) @Max(5) int score, @Size(max = 4000) String comment) {}

    public record Closing(
            LocalDate closedOn, @NotBlank @Size(max = 100) String outcome) {}

    public record HistoryEntry(long version, String type, Instant occurredAt, JsonNode data) {}

    private final MatterService matters;
    private final TimeExport exports;
    private final Callers callers;
    private final IdempotencyKeys idempotency;

    public MatterResource(MatterService matters, TimeExport exports, Callers callers, IdempotencyKeys idempotency) {
        this.matters = matters;
        this.exports = exports;
        this.callers = callers;
        this.idempotency = idempotency;
    }

    @GET
    @Operation(
            summary = "Open and closed matters the caller may see, most recently changed first, a page at a time; "
                    + "or the one a number or an external id (system:value, e.g. billing:10042-007) names",
            description = "status (OPEN or CLOSED; both by default), team, assignee (the PM who accepted the matter), "
                    + "page (from 0), size "
                    + "(1-100, default 50); the total is in X-Total-Count and the next page in a Link header")
    @APIResponse(
            responseCode = "200",
            description = "The page, or the matter named",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = MatterSummary.class)))
    public Uni<Response> list(
            @QueryParam("number") String number,
            @QueryParam("externalId") String externalId,
            @QueryParam("status") MatterStatus status,
            @QueryParam("team") String team,
            @QueryParam("assignee") String assignee,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size,
            @Context UriInfo uri) {
        if (number != null) {
            return matters.withNumber(number.strip(), callers.current())
                    .map(found -> Response.ok(found).build());
        }
        if (externalId != null) {
            int colon = externalId.indexOf(':');
            if (colon < 1 || colon == externalId.length() - 1) {
                throw ProblemException.invalid(List.of(
                        new FieldError("externalId", "must be system:value, e.g. billing:10042-007", "external-id")));
            }
            return matters.withExternalId(
                            externalId.substring(0, colon), externalId.substring(colon + 1), callers.current())
                    .map(found -> Response.ok(found).build());
        }
        if (status != null && status != MatterStatus.OPEN && status != MatterStatus.CLOSED) {
            throw ProblemException.invalid(
                    List.of(new FieldError("status", "must be OPEN or CLOSED (handoffs: GET /handoffs)", "status")));
        }
        Paging paging = Paging.of(page, size);
        return matters.page(
                        status == null ? Set.of(MatterStatus.OPEN, MatterStatus.CLOSED) : Set.of(status),
                        team,
                        assignee,
                        callers.current(),
                        paging.page(),
                        paging.size())
                .map(found -> paging.response(found, uri));
    }

    @PUT
    @Path("/{id}/external-ids/{system}")
    @RolesAllowed({Roles.PM, Roles.ADMIN})
    @Operation(
            summary =
                    "Link the matter to its id in another system, e.g. billing (replaces the matter's earlier id there)")
    @APIResponse(responseCode = "409", description = "EXTERNAL_ID_TAKEN: the id already names another matter there")
    public Uni<Response> linkExternalId(
            @PathParam("id") UUID id,
            @PathParam("system") String system,
            @Valid @NotNull ExternalId externalId,
            @HeaderParam("If-Match") String ifMatch) {
        if (!SYSTEM.matcher(system).matches()) {
            throw ProblemException.invalid(List.of(new FieldError(
                    "system", "must be lower-case letters, digits and dashes, e.g. billing", "external-system")));
        }
        return matters.linkExternalId(
                        id,
                        ETags.expectedVersion(ifMatch),
                        callers.current(),
                        system,
                        externalId.externalId().strip())
                .chain(done -> view(id, done, 200));
    }

    @GET
    @Path("/{id}/time.ledes")
    @Produces({TimeImportResource.LEDES, MediaType.TEXT_PLAIN})
    @Operation(
            summary = "The matter's billable time worked from..to (default: all of it, to today) as one LEDES 1998B "
                    + "invoice, for an e-billing platform")
    @APIResponse(responseCode = "404", description = "No such matter, or no billable time in the period")
    public Uni<Response> exportTime(
            @PathParam("id") UUID id, @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw ProblemException.invalid(List.of(new FieldError("from", "must not be after to", "period")));
        }
        return exports.export(id, from, to, callers.current())
                .map(invoice -> Response.ok(invoice.ledes())
                        .header("Content-Disposition", "attachment; filename=\"" + invoice.fileName() + "\"")
                        .build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "The matter now, or as it stood at asOf (an instant): folded from its events")
    public Uni<Response> get(@PathParam("id") UUID id, @QueryParam("asOf") Instant asOf) {
        Caller caller = callers.current();
        return matters.get(id, asOf, caller)
                .chain(found -> matters.getWithPlaybook(id, asOf, caller)
                        .map(context -> Response.ok(MatterView.of(context, found.version()))
                                .tag(ETags.of(found.version()))
                                .build()));
    }

    @GET
    @Path("/{id}/events")
    @Operation(summary = "The matter's history: every event, oldest first")
    public Uni<List<HistoryEntry>> events(@PathParam("id") UUID id) {
        return matters.history(id, callers.current())
                .map(events -> events.stream()
                        .map(e -> new HistoryEntry(
                                e.version(),
                                e.ceType(),
                                e.occurredAt(),
                                EventJson.parse(e.data().getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                        .collect(Collectors.toList()));
    }

    @POST
    @Path("/{id}/milestones")
    @Operation(summary = "Add a milestone to the plan (milestone-planned)")
    public Uni<Response> planMilestone(
            @PathParam("id") UUID id,
            @Valid @NotNull NewMilestone milestone,
            @HeaderParam("If-Match") String ifMatch,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return created(id, ifMatch, key, "milestones", milestone, context -> {
            requirePhase(context, milestone.phase(), "phase");
            return new MatterCommand.PlanMilestone(
                    UUID.randomUUID(),
                    milestone.name().strip(),
                    milestone.dueDate(),
                    milestone.owner().strip(),
                    milestone.phase(),
                    milestone.hardDeadline(),
                    matters.now());
        });
    }

    @PUT
    @Path("/{id}/milestones/{milestoneId}/due-date")
    @RolesAllowed({Roles.PM, Roles.ADMIN})
    @Operation(
            summary =
                    "Move a milestone's due date with a reason (milestone-replanned); a later date re-arms slip detection",
            description = "A hard deadline (court or statute date) is not the firm's to move: a pm gets 422 "
                    + "HARD_DEADLINE_FIXED; an admin may correct a wrongly entered date, recorded with the reason.")
    @APIResponse(responseCode = "422", description = "HARD_DEADLINE_FIXED: a pm moving a hard deadline")
    public Uni<Response> replan(
            @PathParam("id") UUID id,
            @PathParam("milestoneId") UUID milestoneId,
            @Valid @NotNull DueDateChange change,
            @HeaderParam("If-Match") String ifMatch) {
        return command(
                id,
                ifMatch,
                context -> new MatterCommand.ReplanMilestone(
                        milestoneId,
                        change.dueDate(),
                        change.reason().strip(),
                        callers.current().name(),
                        callers.current().roles().contains(Roles.ADMIN),
                        matters.now()),
                200);
    }

    @POST
    @Path("/{id}/milestones/{milestoneId}/complete")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(summary = "Complete a milestone (milestone-completed); completedOn defaults to today")
    @APIResponse(
            responseCode = "422",
            description = "DATE_IN_FUTURE or DATE_BEFORE_OPENING: completedOn after today (the firm's time zone) or "
                    + "before the matter was opened")
    public Uni<Response> completeMilestone(
            @PathParam("id") UUID id,
            @PathParam("milestoneId") UUID milestoneId,
            Completion completion,
            @HeaderParam("If-Match") String ifMatch) {
        return command(
                id,
                ifMatch,
                context -> new MatterCommand.CompleteMilestone(
                        milestoneId,
                        on(completion == null ? null : completion.completedOn()),
                        matters.today(),
                        matters.now()),
                200);
    }

    @POST
    @Path("/{id}/tasks")
    @Operation(summary = "Assign a task (task-assigned)")
    public Uni<Response> assignTask(
            @PathParam("id") UUID id,
            @Valid @NotNull NewTask task,
            @HeaderParam("If-Match") String ifMatch,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return created(
                id,
                ifMatch,
                key,
                "tasks",
                task,
                context -> new MatterCommand.AssignTask(
                        UUID.randomUUID(),
                        task.milestoneId(),
                        task.title().strip(),
                        task.assignee().strip(),
                        task.dueDate(),
                        matters.now()));
    }

    @POST
    @Path("/{id}/tasks/{taskId}/complete")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(summary = "Complete a task (task-completed); completedOn defaults to today")
    @APIResponse(
            responseCode = "422",
            description = "DATE_IN_FUTURE or DATE_BEFORE_OPENING: completedOn after today (the firm's time zone) or "
                    + "before the matter was opened")
    public Uni<Response> completeTask(
            @PathParam("id") UUID id,
            @PathParam("taskId") UUID taskId,
            Completion completion,
            @HeaderParam("If-Match") String ifMatch) {
        return command(
                id,
                ifMatch,
                context -> new MatterCommand.CompleteTask(
                        taskId,
                        on(completion == null ? null : completion.completedOn()),
                        matters.today(),
                        matters.now()),
                200);
    }

    @POST
    @Path("/{id}/tasks/{taskId}/block")
    @Operation(
            summary = "The task cannot go on: task-blocked and a TASK_BLOCKED escalation to the first step of the "
                    + "playbook's path (resolved when the task is completed)",
            description = "Blocking a task whose block is still open changes nothing.")
    @APIResponse(responseCode = "200", description = "The matter, with the escalation open")
    public Uni<Response> blockTask(
            @PathParam("id") UUID id,
            @PathParam("taskId") UUID taskId,
            @Valid @NotNull Blocking blocking,
            @HeaderParam("If-Match") String ifMatch) {
        return command(
                id,
                ifMatch,
                context ->
                        new MatterCommand.BlockTask(taskId, blocking.reason().strip(), context.routes(), matters.now()),
                200);
    }

    @POST
    @Path("/{id}/time-entries")
    @Operation(summary = "Record time against a UTBMS phase (time-recorded); re-evaluates budget variance")
    @APIResponse(responseCode = "422", description = "A UTBMS phase, task or activity code that does not apply")
    public Uni<Response> recordTime(
            @PathParam("id") UUID id,
            @Valid @NotNull TimeEntry entry,
            @HeaderParam("If-Match") String ifMatch,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return created(id, ifMatch, key, "time-entries", entry, context -> {
            requirePhase(context, entry.phase(), "phase");
            requireCode(entry.taskCode(), TASK_CODE, "taskCode", "a UTBMS task code such as L110");
            requireCode(entry.activityCode(), ACTIVITY_CODE, "activityCode", "a UTBMS activity code A101 to A111");
            return new MatterCommand.RecordTime(
                    UUID.randomUUID(),
                    entry.timekeeper().strip(),
                    entry.timekeeperRole(),
                    entry.workDate(),
                    entry.hours(),
                    entry.amount(),
                    entry.phase(),
                    entry.taskCode(),
                    entry.activityCode(),
                    entry.billable(),
                    entry.admin(),
                    blankToNull(entry.timekeeperName()),
                    blankToNull(entry.description()),
                    context.playbook().thresholds(),
                    context.routes(),
                    matters.now());
        });
    }

    @POST
    @Path("/{id}/budget/revisions")
    @Operation(
            summary = "Revise a phase's budget or the TOTAL for a change of scope (budget-revised)",
            description = "Later budget alerts measure against the revised amount; a lift re-arms the phase's "
                    + "levels, and a level the actual already reaches against the new amount is reported at once. "
                    + "The baseline stays in the matter's history.")
    @APIResponse(responseCode = "201", description = "Revised; the matter with its budget lines")
    @APIResponse(responseCode = "422", description = "Not a UTBMS phase of the matter, nor TOTAL")
    public Uni<Response> reviseBudget(
            @PathParam("id") UUID id,
            @Valid @NotNull BudgetRevision revision,
            @HeaderParam("If-Match") String ifMatch,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return created(id, ifMatch, key, "budget/revisions", revision, context -> {
            if (!BudgetRevised.TOTAL.equals(revision.phase())) {
                requirePhase(context, revision.phase(), "phase");
            }
            return new MatterCommand.ReviseBudget(
                    revision.phase(),
                    revision.amount(),
                    revision.reason().strip(),
                    callers.current().name(),
                    context.playbook().thresholds(),
                    context.routes(),
                    matters.now());
        });
    }

    @POST
    @Path("/{id}/status-updates")
    @Operation(
            summary = "Record a client status update (status-update-sent); on time if within the playbook's cadence",
            description = "sentOn defaults to today (the firm's time zone).")
    @APIResponse(
            responseCode = "422",
            description = "DATE_IN_FUTURE or DATE_BEFORE_OPENING: sentOn after today or before the matter was opened")
    public Uni<Response> statusUpdate(
            @PathParam("id") UUID id,
            @Valid @NotNull StatusUpdate update,
            @HeaderParam("If-Match") String ifMatch,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return created(
                id,
                ifMatch,
                key,
                "status-updates",
                update,
                context -> new MatterCommand.SendStatusUpdate(
                        UUID.randomUUID(),
                        on(update.sentOn()),
                        matters.today(),
                        update.summary().strip(),
                        context.playbook().thresholds().statusUpdateCadenceDays(),
                        matters.now()));
    }

    @POST
    @Path("/{id}/escalations/{escalationId}/resolve")
    @Operation(summary = "Resolve an open escalation (escalation-resolved)")
    public Uni<Response> resolve(
            @PathParam("id") UUID id,
            @PathParam("escalationId") UUID escalationId,
            @Valid @NotNull Resolution resolution,
            @HeaderParam("If-Match") String ifMatch) {
        return command(
                id,
                ifMatch,
                context -> new MatterCommand.ResolveEscalation(
                        escalationId,
                        resolution.resolution().strip(),
                        callers.current().name(),
                        matters.now()),
                200);
    }

    @POST
    @Path("/{id}/escalations/{escalationId}/reassign")
    @Operation(
            summary = "Hand an open escalation to someone else (escalation-reassigned, reason MANUAL)",
            description = "The escalation keeps its step of the playbook's path: when that step's time runs out it "
                    + "still goes up to the next. Handing it to its current assignee changes nothing.")
    @APIResponse(responseCode = "200", description = "The matter, with the escalation's new assignee")
    @APIResponse(responseCode = "409", description = "ESCALATION_ALREADY_RESOLVED")
    public Uni<Response> reassign(
            @PathParam("id") UUID id,
            @PathParam("escalationId") UUID escalationId,
            @Valid @NotNull Reassignment reassignment,
            @HeaderParam("If-Match") String ifMatch) {
        return command(
                id,
                ifMatch,
                context -> new MatterCommand.ReassignEscalation(
                        escalationId, reassignment.assignTo().strip(), matters.now()),
                200);
    }

    @POST
    @Path("/{id}/write-downs")
    @Operation(summary = "Record a write-down with its cause (write-down-recorded)")
    public Uni<Response> writeDown(
            @PathParam("id") UUID id,
            @Valid @NotNull WriteDown writeDown,
            @HeaderParam("If-Match") String ifMatch,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return created(
                id,
                ifMatch,
                key,
                "write-downs",
                writeDown,
                context -> new MatterCommand.RecordWriteDown(
                        UUID.randomUUID(), writeDown.amount(), writeDown.cause(), writeDown.note(), matters.now()));
    }

    @POST
    @Path("/{id}/client-feedback")
    @Operation(summary = "Record the client's score from 1 to 5 (client-feedback-recorded)")
    public Uni<Response> feedback(
            @PathParam("id") UUID id,
            @Valid @NotNull Feedback feedback,
            @HeaderParam("If-Match") String ifMatch,
            @HeaderParam(IdempotencyKeys.HEADER) String key) {
        return created(
                id,
                ifMatch,
                key,
                "client-feedback",
                feedback,
                context -> new MatterCommand.RecordClientFeedback(
                        UUID.randomUUID(), feedback.score(), feedback.comment(), matters.now()));
    }

    @POST
    @Path("/{id}/close")
    @Operation(summary = "Close the matter with its outcome (matter-closed)")
    public Uni<Response> close(
            @PathParam("id") UUID id, @Valid @NotNull Closing closing, @HeaderParam("If-Match") String ifMatch) {
        return command(
                id,
                ifMatch,
                context -> new MatterCommand.CloseMatter(
                        on(closing.closedOn()), closing.outcome().strip(), matters.now()),
                200);
    }

    @POST
    @Path("/{id}/screens")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary =
                    "Wall a user off the matter (ethical-screen-added): from then on the matter, its history, scorecard "
                            + "and listings answer them 404, whatever their role or teams")
    public Uni<Response> screen(
            @PathParam("id") UUID id, @Valid @NotNull Screen screen, @HeaderParam("If-Match") String ifMatch) {
        return command(
                id,
                ifMatch,
                context -> new MatterCommand.ScreenUser(
                        screen.user().strip(),
                        screen.reason().strip(),
                        callers.current().name(),
                        matters.now()),
                200);
    }

    @POST
    @Path("/{id}/screens/{user}/lift")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Lift the ethical screen on a user (ethical-screen-lifted)")
    public Uni<Response> liftScreen(
            @PathParam("id") UUID id,
            @PathParam("user") String user,
            @Valid @NotNull ScreenLifting lifting,
            @HeaderParam("If-Match") String ifMatch) {
        return command(
                id,
                ifMatch,
                context -> new MatterCommand.LiftScreen(
                        user, lifting.reason().strip(), callers.current().name(), matters.now()),
                200);
    }

    /**
     * A creating command: with an {@code Idempotency-Key}, a retry of the same request answers the first
     * response and decides nothing again (the key and the events commit together); a lost race retries
     * the whole, key included.
     */
    private Uni<Response> created(
            UUID id,
            String ifMatch,
            String key,
            String what,
            Object request,
            Function<MatterService.Context, MatterCommand> command) {
        Long expectedVersion = ETags.expectedVersion(ifMatch);
        Caller caller = callers.current();
        return matters.retryingLostRaces(
                expectedVersion,
                () -> idempotency.once(
                        key,
                        "POST /matters/" + id + "/" + what,
                        caller.name(),
                        request,
                        () -> matters.decide(id, expectedVersion, caller, command)
                                .chain(done -> view(id, done, 201))));
    }

    private Uni<Response> command(
            UUID id, String ifMatch, Function<MatterService.Context, MatterCommand> command, int status) {
        return matters.handle(id, ETags.expectedVersion(ifMatch), callers.current(), command)
                .chain(done -> view(id, done, status));
    }

    private Uni<Response> view(UUID id, Versioned<Matter> done, int status) {
        return matters.getWithPlaybook(id, null, callers.current())
                .map(context -> Response.status(status)
                        .entity(MatterView.of(context, done.version()))
                        .tag(ETags.of(done.version()))
                        .build());
    }

    private LocalDate on(LocalDate date) {
        return date != null ? date : matters.today();
    }

    /** A UTBMS phase of the matter's playbook (its budget split or milestone template). */
    private static void requirePhase(MatterService.Context context, String phase, String field) {
        Set<String> phases = context.phases();
        if (!phases.contains(phase)) {
            throw ProblemException.unprocessable(
                    "Not a UTBMS phase of this matter",
                    List.of(new FieldError(field, "must be one of this matter's phases " + phases, "utbms-phase")));
        }
    }

    private static void requireCode(String code, Pattern pattern, String field, String expected) {
        if (code != null && !pattern.matcher(code).matches()) {
            throw ProblemException.unprocessable(
                    "Not a UTBMS code", List.of(new FieldError(field, "must be " + expected, "utbms-code")));
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
