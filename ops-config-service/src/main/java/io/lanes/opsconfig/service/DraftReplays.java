package io.lanes.opsconfig.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lanes.contracts.EventJson;
import io.lanes.opsconfig.config.OpsConfig;
import io.lanes.opsconfig.service.PlaybookService.Candidate;
import io.lanes.platform.problem.ProblemException;
import io.lanes.platform.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Replays a draft over the recorded history of its matter type's matters. The history and the deciders
 * that run live matters are matter-service's, so the replay runs there ({@code POST /replays}, on behalf of
 * the caller, whose token it carries); this service contributes the draft, validated and numbered as the
 * version it would become.
 */
@ApplicationScoped
public class DraftReplays {

    private final PlaybookService playbooks;
    private final WebClient client;
    private final URI matterService;
    private final Duration timeout;

    public DraftReplays(
            PlaybookService playbooks,
            Vertx vertx,
            OpsConfig config,
            @ConfigProperty(name = "lanes.links.matter-service") URI matterService) {
        this.playbooks = playbooks;
        this.matterService = matterService;
        this.timeout = config.replayTimeout();
        this.client = WebClient.create(
                vertx, new WebClientOptions().setFollowRedirects(false).setConnectTimeout(5_000));
    }

    /** matter-service's answer as it came (a report, or a problem to pass on), with the draft replayed. */
    public record Replayed(Candidate candidate, int status, String contentType, String retryAfter, Buffer body) {}

    private static String request(Candidate candidate, LocalDate from, LocalDate to) {
        ObjectNode body = EventJson.mapper().createObjectNode();
        body.set("playbook", EventJson.mapper().valueToTree(candidate.playbook()));
        body.put("from", from.toString());
        body.put("to", to.toString());
        return body.toString();
    }

    /** 404 for an unknown draft, 422 for one that would not pass validation, 503 when matter-service does not answer. */
    public Uni<Replayed> replay(String matterType, UUID draftId, LocalDate from, LocalDate to, String authorization) {
        return playbooks
                .candidate(matterType, draftId)
                .chain(candidate -> client.postAbs(
                                matterService.resolve("/replays").toString())
                        .putHeader(HttpHeaders.AUTHORIZATION.toString(), authorization)
                        .putHeader(HttpHeaders.CONTENT_TYPE.toString(), "application/json")
                        .timeout(timeout.toMillis())
                        .sendBuffer(Buffer.buffer(request(candidate, from, to)))
                        .map(response -> new Replayed(
                                candidate,
                                response.statusCode(),
                                response.getHeader(HttpHeaders.CONTENT_TYPE.toString()),
                                response.getHeader("Retry-After"),
                                response.bodyAsBuffer()))
                        .onFailure(failure -> !(failure instanceof ProblemException))
                        .transform(failure -> new ProblemException(
                                ProblemType.UNAVAILABLE,
                                "matter-service, which holds the matters' history, did not answer the replay: "
                                        + failure.getMessage())));
    }
}
