package io.lanes.subscription.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lanes.contracts.EventJson;
import io.lanes.platform.http.ETags;
import io.lanes.platform.http.JsonMergePatch;
import io.lanes.platform.idempotency.IdempotencyKeys;
import io.lanes.platform.problem.FieldError;
import io.lanes.platform.problem.Problem;
import io.lanes.platform.problem.ProblemException;
import io.lanes.platform.problem.ProblemType;
import io.lanes.platform.security.Caller;
import io.lanes.platform.security.Callers;
import io.lanes.platform.security.Roles;
import io.lanes.subscription.domain.Subscription;
import io.lanes.subscription.domain.SubscriptionRules;
import io.lanes.subscription.domain.SubscriptionSpec;
import io.lanes.subscription.service.Pings;
import io.lanes.subscription.service.SubscriptionService;
import io.lanes.subscription.service.WebhookTargets;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Webhook subscriptions for PM tools that do not speak Kafka. Deliveries follow the Standard Webhooks
 * specification: the body is the event as a CloudEvents structured-mode JSON object; {@code
 * webhook-id} (the event's {@code ce_id}, the same on every retry), {@code webhook-timestamp} and
 * {@code webhook-signature} ({@code v1,} + base64 HMAC-SHA256 of {@code id.timestamp.body} keyed by
 * the base64-decoded part of the secret after {@code whsec_}) let the receiver check it.
 */
@Path("/subscriptions")
@Tag(name = "Webhook subscriptions", description = "Escalations delivered to PM tools as signed webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PM, Roles.OPS, Roles.ADMIN})
public class SubscriptionResource {

    /** What a subscription asks for; {@code types} by event name or full {@code ce_type}. */
    public record SubscriptionRequest(
            @Schema(description = "http(s) endpoint; https and a public address in production")
            String url,

            @Schema(description = "e.g. [\"milestone-slipped\", \"escalation-raised\"]")
            List<String> types,

            @Schema(description = "optional: matterType, team, cause, severity; each set key must match")
            Map<String, String> filter,

            String description) {}

    /** From when to send the stored events again. */
    public record Replay(Instant from) {}

    /** How many events a replay queued. */
    public record Replayed(int queued) {}

    private final SubscriptionService subscriptions;
    private final Pings pings;
    private final SubscriptionRules rules;
    private final WebhookTargets targets;
    private final IdempotencyKeys idempotency;
    private final Callers callers;

    public SubscriptionResource(
            SubscriptionService subscriptions,
            Pings pings,
            SubscriptionRules rules,
            WebhookTargets targets,
            IdempotencyKeys idempotency,
            Callers callers) {
        this.subscriptions = subscriptions;
        this.pings = pings;
        this.rules = rules;
        this.targets = targets;
        this.idempotency = idempotency;
        this.callers = callers;
    }

    @POST
    @Operation(
            summary =
                    "Subscribe an endpoint; the answer holds the signing secret, shown only here (Idempotency-Key honoured)")
    @APIResponse(responseCode = "201", description = "Subscribed; Location is the subscription")
    @APIResponse(
            responseCode = "400",
            description = "Not a URL, an unknown type or filter key, a field too long; errors[] names each field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(SubscriptionRequest request, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        Caller caller = callers.current();
        SubscriptionRequest body = requireBody(request);
        SubscriptionSpec spec = rules.spec(body.url(), body.types(), body.filter(), body.description());
        return idempotency.once(
                key,
                "POST /subscriptions",
                caller.name(),
                body,
                () -> targets.requireAllowed(spec.url())
                        .chain(() -> subscriptions.create(caller, spec))
                        .map(created -> Response.created(URI.create(
                                        "/subscriptions/" + created.state().id()))
                                .tag(ETags.of(created.version()))
                                .entity(new SubscriptionView.CreatedSubscription(
                                        SubscriptionView.of(created.state(), 0),
                                        created.state().secret().value()))
                                .build()));
    }

    @GET
    @Operation(summary = "Your subscriptions, oldest first (admin: everyone's)")
    public Uni<List<SubscriptionView>> list() {
        return subscriptions
                .list(callers.current())
                .map(rows -> rows.stream().map(SubscriptionView::of).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One subscription; ETag is its version")
    @APIResponse(responseCode = "404", description = "No such subscription of yours")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return subscriptions
                .get(callers.current(), id)
                .map(row -> Response.ok(SubscriptionView.of(row))
                        .tag(ETags.of(row.version()))
                        .build());
    }

    @PATCH
    @Path("/{id}")
    @Consumes({JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(
            summary = "Change url, types, filter, description, or pause and resume with enabled (JSON merge "
                    + "patch); If-Match optional, 412 when stale. Resuming clears the run of failed deliveries.")
    @APIResponse(responseCode = "412", description = "The subscription changed since you read it")
    public Uni<Response> patch(@PathParam("id") UUID id, String patch, @HeaderParam("If-Match") String ifMatch) {
        Caller caller = callers.current();
        JsonNode changes = JsonMergePatch.parse(patch);
        return subscriptions.get(caller, id).chain(row -> {
            ObjectNode merged = (ObjectNode) JsonMergePatch.apply(editable(row.subscription()), changes);
            SubscriptionRequest request = read(merged);
            SubscriptionSpec spec = rules.spec(request.url(), request.types(), request.filter(), request.description());
            Boolean enabled = enabled(merged.get("enabled"), changes.has("enabled"));
            return targets.requireAllowed(spec.url())
                    .chain(() -> subscriptions.change(caller, id, spec, enabled, ETags.expectedVersion(ifMatch)))
                    .chain(changed -> subscriptions.get(caller, id))
                    .map(after -> Response.ok(SubscriptionView.of(after))
                            .tag(ETags.of(after.version()))
                            .build());
        });
    }

    @DELETE
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Unsubscribe: no more deliveries, the delivery log goes with it")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return subscriptions
                .delete(callers.current(), id)
                .map(done -> Response.noContent().build());
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "A new signing secret; the previous one keeps signing beside it for 24 h, so the "
                    + "receiver can switch without missing a delivery")
    public Uni<SubscriptionView.RotatedSecret> rotateSecret(@PathParam("id") UUID id) {
        return subscriptions
                .rotateSecret(callers.current(), id)
                .map(rotated -> new SubscriptionView.RotatedSecret(
                        rotated.state().secret().value(), rotated.state().previousSecretUntil()));
    }

    @POST
    @Path("/{id}/test")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Send a signed io.lanes.ping.v1 now, once, and say what the endpoint answered")
    public Uni<Pings.PingResult> test(@PathParam("id") UUID id) {
        return pings.ping(callers.current(), id);
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(
            summary = "The delivery log, newest event first: event id, type, attempts, last status and "
                    + "error, next attempt")
    public Uni<DeliveryLogView> deliveries(
            @PathParam("id") UUID id,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return subscriptions
                .deliveries(callers.current(), id, page, size)
                .map(log -> new DeliveryLogView(page, size, log.total(), log.entries()));
    }

    @POST
    @Path("/{id}/replay")
    @Operation(
            summary = "Send again every stored event since from that the subscription wants now, with the "
                    + "same webhook-ids (receivers deduplicate on them)")
    @APIResponse(responseCode = "202", description = "Queued")
    @APIResponse(responseCode = "409", description = "The subscription is disabled")
    public Uni<Response> replay(@PathParam("id") UUID id, Replay replay) {
        if (replay == null || replay.from() == null) {
            throw ProblemException.invalid(List.of(new FieldError("from", "an instant is required", "required")));
        }
        return subscriptions
                .replay(callers.current(), id, replay.from())
                .map(queued -> Response.accepted(new Replayed(queued)).build());
    }

    private static SubscriptionRequest requireBody(SubscriptionRequest request) {
        if (request == null) {
            throw ProblemException.invalid(List.of(new FieldError("body", "a subscription is required", "required")));
        }
        return request;
    }

    /** What a merge patch may change, as JSON. */
    private static ObjectNode editable(Subscription s) {
        ObjectNode json = EventJson.mapper().createObjectNode();
        json.put("url", s.spec().url().toString());
        json.set("types", EventJson.mapper().valueToTree(s.spec().types()));
        json.set(
                "filter",
                EventJson.mapper().valueToTree(SubscriptionView.filter(s.spec().filter())));
        json.put("description", s.spec().description());
        json.put("enabled", s.status() == Subscription.Status.ACTIVE);
        return json;
    }

    private static SubscriptionRequest read(ObjectNode merged) {
        List<FieldError> errors = new ArrayList<>();
        merged.fieldNames().forEachRemaining(field -> {
            if (!List.of("url", "types", "filter", "description", "enabled").contains(field)) {
                errors.add(new FieldError(field, "not a field of a subscription", "unknown"));
            }
        });
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        try {
            ObjectNode fields = merged.deepCopy();
            fields.remove("enabled");
            Map<String, String> filter = new LinkedHashMap<>();
            JsonNode filterNode = fields.remove("filter");
            if (filterNode != null && !filterNode.isNull()) {
                if (!filterNode.isObject()) {
                    throw ProblemException.invalid(
                            List.of(new FieldError("filter", "an object of filter keys and values", "type")));
                }
                filterNode
                        .fields()
                        .forEachRemaining(e -> filter.put(
                                e.getKey(),
                                e.getValue().isNull() ? null : e.getValue().asText()));
            }
            SubscriptionRequest plain = EventJson.mapper().treeToValue(fields, SubscriptionRequest.class);
            return new SubscriptionRequest(plain.url(), plain.types(), filter, plain.description());
        } catch (JsonProcessingException e) {
            throw new ProblemException(
                    ProblemType.MALFORMED_REQUEST,
                    "The patched subscription cannot be read: " + e.getOriginalMessage());
        }
    }

    private static Boolean enabled(JsonNode value, boolean given) {
        if (!given) {
            return null;
        }
        if (value == null || !value.isBoolean()) {
            throw ProblemException.invalid(List.of(new FieldError("enabled", "true or false", "type")));
        }
        return value.booleanValue();
    }
}
