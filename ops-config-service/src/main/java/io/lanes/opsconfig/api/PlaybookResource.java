package io.lanes.opsconfig.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.lanes.contracts.EventJson;
import io.lanes.contracts.opsconfig.PlaybookPublished;
import io.lanes.opsconfig.domain.FlagOutcome;
import io.lanes.opsconfig.domain.PlaybookContent;
import io.lanes.opsconfig.domain.PlaybookDiff;
import io.lanes.opsconfig.service.DraftReplays;
import io.lanes.opsconfig.service.ImprovementFlagService;
import io.lanes.opsconfig.service.PlaybookService;
import io.lanes.platform.http.ETags;
import io.lanes.platform.idempotency.IdempotencyKeys;
import io.lanes.platform.problem.FieldError;
import io.lanes.platform.problem.Problem;
import io.lanes.platform.problem.ProblemException;
import io.lanes.platform.security.Roles;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Legal operations' playbooks: drafts that ops edits, versions that are published once and never
 * edited, their history and the differences between versions. Anyone signed in may read; only
 * {@code ops} writes.
 */
@Path("/playbooks")
@Tag(name = "Playbooks", description = "Versioned SOPs per matter type")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@APIResponse(
        responseCode = "401",
        description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PlaybookResource {

    private static final String MATTER_TYPE = "[a-z][a-z0-9-]{1,62}";
    private static final String MATTER_TYPE_MESSAGE = "a matter type is lower-case letters, digits and '-'";

    public record VersionSummary(int version, String publishedBy, Instant publishedAt) {}

    public record PlaybookDiffView(String matterType, int from, int to, List<PlaybookDiff.Change> changes) {}

    /** What a version did for the feedback loop: the flags it closed, and where its KPI impact is measured. */
    public record VersionFlagsView(
            String matterType,
            int version,
            Instant publishedAt,

            @Schema(
                    description = "The improvement flags publishing this version closed, oldest first; recurred: "
                            + "a flag of the same milestone template was raised after the version was published")
            List<FlagOutcome> closedFlags,

            @Schema(
                    description = "kpi-service's comparison of this version's matters with the version before's "
                            + "(null for version 1, which has none before it)")
            URI impact) {}

    private final PlaybookService playbooks;
    private final ImprovementFlagService flags;
    private final IdempotencyKeys idempotency;
    private final DraftReplays replays;
    private final URI kpiService;

    public PlaybookResource(
            PlaybookService playbooks,
            ImprovementFlagService flags,
            IdempotencyKeys idempotency,
            DraftReplays replays,
            @ConfigProperty(name = "lanes.links.kpi-service") URI kpiService) {
        this.playbooks = playbooks;
        this.replays = replays;
        this.flags = flags;
        this.idempotency = idempotency;
        this.kpiService = kpiService;
    }

    @GET
    @Operation(summary = "The latest version of every matter type's playbook")
    public Uni<List<PlaybookPublished>> all() {
        return playbooks.latestOfEveryType();
    }

    @GET
    @Path("/{matterType}")
    @Operation(summary = "The latest version of one matter type's playbook")
    @APIResponse(responseCode = "404", description = "No playbook for this matter type")
    public Uni<PlaybookPublished> latest(
            @PathParam("matterType") @Pattern(regexp = MATTER_TYPE, message = MATTER_TYPE_MESSAGE) String matterType) {
        return playbooks.latest(matterType);
    }

    @GET
    @Path("/{matterType}/versions")
    @Operation(summary = "Every published version: who published it and when")
    public Uni<List<VersionSummary>> history(
            @PathParam("matterType") @Pattern(regexp = MATTER_TYPE, message = MATTER_TYPE_MESSAGE) String matterType) {
        return playbooks
                .history(matterType)
                .map(versions -> versions.stream()
                        .map(v -> new VersionSummary(v.version(), v.publishedBy(), v.occurredAt()))
                        .collect(Collectors.toList()));
    }

    @GET
    @Path("/{matterType}/versions/{version}")
    @Operation(summary = "One published version, exactly as it was published")
    @APIResponse(responseCode = "404", description = "No such version")
    public Uni<PlaybookPublished> version(
            @PathParam("matterType") @Pattern(regexp = MATTER_TYPE, message = MATTER_TYPE_MESSAGE) String matterType,
            @PathParam("version") @Min(1) int version) {
        return playbooks.version(matterType, version);
    }

    @GET
    @Path("/{matterType}/versions/{version}/closed-flags")
    @RolesAllowed({Roles.OPS, Roles.LEADERSHIP, Roles.ADMIN})
    @Operation(
            summary = "The improvement flags this version closed, whether each one's slip pattern recurred after it "
                    + "was published, and the link to kpi-service's comparison of its matters' KPIs with the version "
                    + "before")
    @APIResponse(responseCode = "404", description = "No such version")
    public Uni<VersionFlagsView> closedFlags(
            @PathParam("matterType") @Pattern(regexp = MATTER_TYPE, message = MATTER_TYPE_MESSAGE) String matterType,
            @PathParam("version") @Min(1) int version) {
        return playbooks
                .version(matterType, version)
                .chain(published -> flags.closedBy(published)
                        .map(closed -> new VersionFlagsView(
                                matterType,
                                version,
                                published.occurredAt(),
                                closed,
                                version == 1
                                        ? null
                                        : URI.create(kpiService.toString().replaceAll("/+$", "") + "/playbooks/"
                                                + matterType + "/versions/" + version + "/impact"))));
    }

    @GET
    @Path("/{matterType}/diff")
    @Operation(summary = "What changed between two versions; list items are matched by their key")
    public Uni<PlaybookDiffView> diff(
            @PathParam("matterType") @Pattern(regexp = MATTER_TYPE, message = MATTER_TYPE_MESSAGE) String matterType,
            @QueryParam("from") @NotNull @Min(1) Integer from,
            @QueryParam("to") @NotNull @Min(1) Integer to) {
        return playbooks.diff(matterType, from, to).map(changes -> new PlaybookDiffView(matterType, from, to, changes));
    }

    @POST
    @Path("/{matterType}/drafts")
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Start a draft of the next version (Idempotency-Key honoured)")
    @APIResponse(responseCode = "201", description = "Draft created; Location and ETag set")
    @APIResponse(
            responseCode = "400",
            description = "Invalid playbook; errors[] names each field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Only ops may write playbooks")
    public Uni<Response> createDraft(
            @PathParam("matterType") @Pattern(regexp = MATTER_TYPE, message = MATTER_TYPE_MESSAGE) String matterType,
            PlaybookContent content,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Context SecurityContext security) {
        String user = user(security);
        return idempotency.once(
                key,
                "POST /playbooks/" + matterType + "/drafts",
                user,
                requireBody(content),
                () -> playbooks
                        .createDraft(matterType, content, user)
                        .map(draft -> Response.created(URI.create("/playbooks/" + matterType + "/drafts/"
                                        + draft.state().id()))
                                .tag(ETags.of(draft.version()))
                                .entity(DraftView.of(draft))
                                .build()));
    }

    @GET
    @Path("/{matterType}/drafts/{id}")
    @Operation(summary = "A draft, with its revision as ETag")
    public Uni<Response> draft(
            @PathParam("matterType") @Pattern(regexp = MATTER_TYPE, message = MATTER_TYPE_MESSAGE) String matterType,
            @PathParam("id") UUID id) {
        return playbooks
                .draft(matterType, id)
                .map(draft -> Response.ok(DraftView.of(draft))
                        .tag(ETags.of(draft.version()))
                        .build());
    }

    @PUT
    @Path("/{matterType}/drafts/{id}")
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Replace a draft's content; If-Match (the draft's ETag) optional, 412 when stale")
    @APIResponse(responseCode = "409", description = "The draft was published and is frozen")
    @APIResponse(responseCode = "412", description = "The draft changed since you read it")
    public Uni<Response> editDraft(
            @PathParam("matterType") @Pattern(regexp = MATTER_TYPE, message = MATTER_TYPE_MESSAGE) String matterType,
            @PathParam("id") UUID id,
            PlaybookContent content,
            @HeaderParam("If-Match") String ifMatch,
            @Context SecurityContext security) {
        return playbooks
                .editDraft(matterType, id, requireBody(content), user(security), ETags.expectedVersion(ifMatch))
                .map(draft -> Response.ok(DraftView.of(draft))
                        .tag(ETags.of(draft.version()))
                        .build());
    }

    @POST
    @Path("/{matterType}/drafts/{id}/publish")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Publish the draft as the next immutable version; emits playbook-published")
    @APIResponse(responseCode = "201", description = "Published; Location is the new version")
    @APIResponse(responseCode = "409", description = "The draft was already published")
    public Uni<Response> publish(
            @PathParam("matterType") @Pattern(regexp = MATTER_TYPE, message = MATTER_TYPE_MESSAGE) String matterType,
            @PathParam("id") UUID id,
            @Context SecurityContext security) {
        return playbooks
                .publish(matterType, id, user(security))
                .map(published -> Response.created(
                                URI.create("/playbooks/" + matterType + "/versions/" + published.version()))
                        .entity(published)
                        .build());
    }

    /** The acceptance dates (firm's) whose matters a replay covers, both included. */
    public record ReplayWindow(
            @NotNull LocalDate from, @NotNull LocalDate to) {}

    /** A draft replayed: which draft, at which revision, and matter-service's comparison. */
    public record DraftReplayView(
            UUID draftId,
            long draftRevision,

            @Schema(
                    description = "The comparison: KPIs on both sides, milestones whose fate differs, budget alerts "
                            + "earlier or later, escalations added, removed or rerouted, and how many matters the "
                            + "replay under their own version reproduced")
            JsonNode replay) {}

    @POST
    @Path("/{matterType}/drafts/{id}/replay")
    @RolesAllowed(Roles.OPS)
    @Operation(
            summary = "Replay the draft over the matters of its type accepted from `from` to `to`; writes nothing",
            description = "Each matter's recorded history is decided again by the deciders live matters run (in "
                    + "matter-service, which holds the history): under the version it ran on and under this draft, "
                    + "numbered as the version it would become. The window and a timeout bound it (matter-service's "
                    + "lanes.matter.replay.*).")
    @APIResponse(responseCode = "200", description = "The draft's replay")
    @APIResponse(
            responseCode = "400",
            description = "from or to missing, or the window reversed, too long (errors[] names `to`) or holding too "
                    + "many matters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Only legal operations replay drafts")
    @APIResponse(responseCode = "404", description = "No such draft of this matter type")
    @APIResponse(
            responseCode = "422",
            description = "The draft would not pass validation; errors[] lists the rules it breaks",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "A replay is running; Retry-After says when to try again")
    @APIResponse(responseCode = "503", description = "matter-service did not answer, or the replay timed out")
    public Uni<Response> replay(
            @PathParam("matterType") @Pattern(regexp = MATTER_TYPE, message = MATTER_TYPE_MESSAGE) String matterType,
            @PathParam("id") UUID id,
            @Valid @NotNull ReplayWindow window,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return replays.replay(matterType, id, window.from(), window.to(), authorization)
                .map(replayed -> {
                    if (replayed.status() != 200) {
                        return Response.status(replayed.status())
                                .type(replayed.contentType())
                                .header("Retry-After", replayed.retryAfter())
                                .entity(replayed.body().getBytes())
                                .build();
                    }
                    return Response.ok(new DraftReplayView(
                                    id,
                                    replayed.candidate().draft().version(),
                                    EventJson.parse(replayed.body().getBytes())))
                            .build();
                });
    }

    private static PlaybookContent requireBody(PlaybookContent content) {
        if (content == null) {
            throw ProblemException.invalid(List.of(new FieldError("body", "a playbook is required", "required")));
        }
        return content;
    }

    static String user(SecurityContext security) {
        return security.getUserPrincipal().getName();
    }
}
