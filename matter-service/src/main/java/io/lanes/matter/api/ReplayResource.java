package io.lanes.matter.api;

import io.lanes.contracts.opsconfig.PlaybookPublished;
import io.lanes.matter.domain.ReplayReport;
import io.lanes.matter.service.PlaybookReplays;
import io.lanes.platform.problem.Problem;
import io.lanes.platform.security.Callers;
import io.lanes.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What a playbook would have done to history: legal operations' replay of a candidate (a draft, sent by
 * ops-config-service) over the matters of its type, by the same decider the live matters run.
 */
@Path("/replays")
@Tag(name = "Replays", description = "A candidate playbook replayed over recorded matters; writes nothing")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPS)
public class ReplayResource {

    private final PlaybookReplays replays;
    private final Callers callers;

    public ReplayResource(PlaybookReplays replays, Callers callers) {
        this.replays = replays;
        this.callers = callers;
    }

    /**
     * @param playbook the candidate, as it would be published (its matter type picks the matters)
     * @param from first day of acceptance (firm's date)
     * @param to last day of acceptance (firm's date)
     */
    public record ReplayRequest(
            @NotNull @Valid PlaybookPublished playbook,
            @NotNull LocalDate from,
            @NotNull LocalDate to) {}

    @POST
    @Blocking
    @Operation(
            summary = "Replay a candidate playbook over the matters of its type accepted from `from` to `to`",
            description = "Each matter's recorded history (acceptance, time, completions, status updates, replans, "
                    + "revisions, resolutions, closing) is decided again twice by the live matter decider: under the "
                    + "version it ran on and under the candidate. The answer: the KPIs a playbook moves on both sides, "
                    + "the milestones whose fate differs, budget alerts that come earlier or later, escalations added, "
                    + "removed or sent to someone else, and how many matters the replay under their own version "
                    + "reproduced exactly. Nothing is written or published. Bounded by lanes.matter.replay.* (window, "
                    + "matters, timeout); one replay at a time per instance.")
    @APIResponse(responseCode = "200", description = "The comparison")
    @APIResponse(
            responseCode = "400",
            description = "A field is missing or the window is reversed, too long or holds too many matters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Only legal operations replay playbooks")
    @APIResponse(responseCode = "429", description = "A replay is running; Retry-After says when to try again")
    @APIResponse(responseCode = "503", description = "The replay did not finish within its timeout")
    public ReplayReport replay(@Valid @NotNull ReplayRequest request) {
        return replays.replay(request.playbook(), request.from(), request.to(), callers.current());
    }
}
