package io.lanes.eventstore.api;

import io.lanes.contracts.Topic;
import io.lanes.eventstore.consumer.DeadLetterReplay;
import io.lanes.eventstore.consumer.DeadLetterReplay.Replayed;
import io.lanes.platform.problem.FieldError;
import io.lanes.platform.problem.ProblemException;
import io.lanes.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators send a consumer's dead letters back, once the cause is fixed; each is applied at most once. */
@Path("/admin/dead-letters")
@Tag(name = "Operations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class DeadLettersResource {

    private final DeadLetterReplay replay;

    public DeadLettersResource(DeadLetterReplay replay) {
        this.replay = replay;
    }

    @POST
    @Path("/{topic}/replay")
    @Operation(
            summary = "Send the consumer's records on <topic>.dlq back to <topic>; the consumer applies each at "
                    + "most once (dedupe on ce_id)")
    public Replayed replay(@PathParam("topic") String topic, @QueryParam("consumer") String consumer) {
        List<FieldError> errors = new ArrayList<>();
        List<String> topics =
                Arrays.stream(Topic.values()).map(Topic::topicName).toList();
        if (!topics.contains(topic)) {
            errors.add(new FieldError("topic", "one of " + topics, "enum"));
        }
        if (consumer == null || consumer.isBlank()) {
            errors.add(new FieldError("consumer", "the consumer whose dead letters to replay is required", "required"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return replay.replay(topic, consumer);
    }
}
