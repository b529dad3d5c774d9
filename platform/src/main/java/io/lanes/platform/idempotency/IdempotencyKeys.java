package io.lanes.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.lanes.platform.problem.FieldError;
import io.lanes.platform.problem.ProblemException;
import io.lanes.platform.problem.ProblemType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code Idempotency-Key} support for creating POSTs. The action and the stored response commit in
 * one transaction, so a retry after any failure either finds the whole first outcome or none of it:
 * the same key and body replays the stored response, the same key with another body is a 422. A key
 * lives {@code lanes.idempotency.key-retention} (24 h by default, as payment APIs keep theirs): after
 * that it is free again, and {@link IdempotencyKeyPurge} deletes it.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    /** Set on a replayed response, so a client can tell it did not create anything new. */
    public static final String REPLAYED_HEADER = "Idempotency-Replayed";

    private static final int MAX_KEY_LENGTH = 255;

    private final ObjectMapper json;
    private final Clock clock;
    private final Duration retention;

    public IdempotencyKeys(
            ObjectMapper json,
            Clock clock,
            @ConfigProperty(name = "lanes.idempotency.key-retention", defaultValue = "24h") Duration retention) {
        this.json = json.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        this.clock = clock;
        this.retention = retention;
    }

    /**
     * Runs {@code action} in a transaction once per key.
     *
     * @param key       the request's Idempotency-Key header, or null to run the action without one
     * @param operation what is being created, e.g. {@code POST /intakes}
     * @param principal who asks; keys of different users never meet
     * @param request   the request body, compared by its canonical JSON
     * @param action    creates the resource inside the caller's transaction and answers the response
     */
    public Uni<Response> once(
            String key, String operation, String principal, Object request, Supplier<Uni<Response>> action) {
        if (key == null) {
            return Panache.withTransaction(action);
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            return Uni.createFrom()
                    .failure(ProblemException.invalid(
                            List.of(FieldError.of(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters"))));
        }
        String id = sha256(operation + "\n" + principal + "\n" + key);
        String requestHash = sha256(canonicalJson(request));
        return Panache.withTransaction(() -> StoredResponse.<StoredResponse>findById(id)
                        .chain(stored -> stored != null && !expired(stored)
                                ? Uni.createFrom().item(replay(stored, requestHash))
                                : action.get()
                                        .call(response ->
                                                remember(stored, id, operation, principal, requestHash, response))))
                .onFailure(IdempotencyKeys::isDuplicateKey)
                .recoverWithUni(() -> Panache.withSession(() -> StoredResponse.<StoredResponse>findById(id))
                        .map(stored -> replay(stored, requestHash)));
    }

    private boolean expired(StoredResponse stored) {
        return stored.createdAt.isBefore(clock.instant().minus(retention));
    }

    /** Stores the response under the key, reusing the row of an expired use of the same key. */
    private Uni<Void> remember(
            StoredResponse expired,
            String id,
            String operation,
            String principal,
            String requestHash,
            Response response) {
        StoredResponse stored = expired != null ? expired : new StoredResponse();
        stored.id = id;
        stored.operation = operation;
        stored.principal = principal;
        stored.requestHash = requestHash;
        stored.status = response.getStatus();
        stored.location =
                response.getLocation() == null ? null : response.getLocation().toString();
        stored.body = response.getEntity() == null ? null : canonicalJson(response.getEntity());
        stored.createdAt = clock.instant();
        return stored.persistAndFlush().replaceWithVoid();
    }

    private static Response replay(StoredResponse stored, String requestHash) {
        if (!stored.requestHash.equals(requestHash)) {
            throw new ProblemException(
                    ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was first used with a different request body; use a new key for a new request",
                    List.of(FieldError.of(HEADER, "already used with a different body")),
                    Map.of());
        }
        Response.ResponseBuilder builder = Response.status(stored.status).header(REPLAYED_HEADER, "true");
        if (stored.location != null) {
            builder.header("Location", stored.location);
        }
        if (stored.body != null) {
            builder.entity(stored.body).type(MediaType.APPLICATION_JSON);
        }
        return builder.build();
    }

    private String canonicalJson(Object value) {
        try {
            return json.writeValueAsString(json.valueToTree(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    /** A concurrent request with the same key committed first: its response is the answer. */
    private static boolean isDuplicateKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PersistenceException || t.getClass().getName().contains("PgException")) {
                String message = String.valueOf(t.getMessage());
                if (message.contains("23505") || message.contains("lanes_idempotency_key_pkey")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
