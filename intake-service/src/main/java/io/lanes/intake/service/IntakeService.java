package io.lanes.intake.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.lanes.contracts.EventJson;
import io.lanes.contracts.matter.HandoffRejected;
import io.lanes.eventstore.EventMetadata;
import io.lanes.eventstore.EventStore;
import io.lanes.eventstore.aggregate.AggregateRepository;
import io.lanes.eventstore.aggregate.Versioned;
import io.lanes.intake.domain.Intake;
import io.lanes.intake.domain.IntakeCommand;
import io.lanes.intake.domain.IntakeCommand.CreateIntake;
import io.lanes.intake.domain.IntakeCommand.EditIntake;
import io.lanes.intake.domain.IntakeCommand.ReturnIntake;
import io.lanes.intake.domain.IntakeCommand.SubmitIntake;
import io.lanes.intake.domain.IntakeData;
import io.lanes.intake.domain.IntakeDataRules;
import io.lanes.intake.domain.IntakeDecider;
import io.lanes.intake.domain.IntakeInternalEvent;
import io.lanes.intake.domain.IntakeStatus;
import io.lanes.intake.domain.PlaybookCheck;
import io.lanes.intake.persistence.IntakeSummary;
import io.lanes.platform.domain.InvalidInput;
import io.lanes.platform.domain.Violation;
import io.lanes.platform.http.JsonMergePatch;
import io.lanes.platform.problem.ProblemException;
import io.lanes.platform.problem.ProblemType;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Intakes as event streams (stream id = intakeId): created and edited by intake staff, submitted
 * against the latest playbook, returned by the PM's rejection. Each change also rewrites the intake's
 * listing row in the same transaction.
 */
@ApplicationScoped
public class IntakeService {

    public static final String STREAM_TYPE = "intake";
    private static final Logger LOG = Logger.getLogger(IntakeService.class);

    private final AggregateRepository<IntakeCommand, Intake, Object> intakes;
    private final PlaybookCatalog playbooks;
    private final Clock clock;

    public IntakeService(EventStore store, PlaybookCatalog playbooks, Clock clock) {
        this.intakes = new AggregateRepository<>(
                store, new IntakeDecider(), STREAM_TYPE, IntakeInternalEvent.TYPES.withContractEvents());
        this.playbooks = playbooks;
        this.clock = clock;
    }

    public record IntakePage(List<IntakeSummary> items, int page, int size, long total) {}

    @WithTransaction
    public Uni<Versioned<Intake>> create(IntakeData requested, String user) {
        IntakeData data = valid(requested);
        UUID id = UUID.randomUUID();
        return playbooks
                .latest(data.matterType())
                .chain(playbook -> apply(
                        id, new Versioned<>(Intake.NONE, 0), new CreateIntake(id, data, user, clock.instant()), user));
    }

    @WithSession
    public Uni<Versioned<Intake>> get(UUID id) {
        return load(id);
    }

    /** Applies a JSON merge patch to what was captured; {@code expectedVersion} from If-Match may be null. */
    @WithTransaction
    public Uni<Versioned<Intake>> edit(UUID id, JsonNode patch, String user, Long expectedVersion) {
        return load(id).chain(current -> {
            ProblemException.requireVersion("intake", current.version(), expectedVersion);
            IntakeData data = valid(patched(current.state().data(), patch));
            return playbooks
                    .latest(data.matterType())
                    .chain(playbook -> apply(id, current, new EditIntake(data, user, clock.instant()), user));
        });
    }

    /** Submits against the latest playbook; the outcome is committed whether complete or not. */
    @WithTransaction
    public Uni<Submission> submit(UUID id, String user, Long expectedVersion) {
        return load(id).chain(current -> {
            ProblemException.requireVersion("intake", current.version(), expectedVersion);
            return playbooks
                    .latest(current.state().data().matterType())
                    .chain(playbook -> apply(id, current, new SubmitIntake(playbook, user, clock.instant()), user)
                            .map(after -> new Submission(
                                    after,
                                    after.state().status() == IntakeStatus.SUBMITTED
                                            ? List.of()
                                            : PlaybookCheck.missing(
                                                    after.state().data(), playbook))));
        });
    }

    /** The PM rejected the handoff: the intake goes back to intake staff with the reasons. Caller's transaction. */
    public Uni<Void> returnIntake(HandoffRejected rejected, UUID causedBy) {
        return intakes.load(rejected.intakeId().toString()).chain(current -> {
            if (!current.state().exists()) {
                LOG.warnf("handoff-rejected for intake %s, which this service does not know", rejected.intakeId());
                return Uni.createFrom().voidItem();
            }
            return apply(
                            rejected.intakeId(),
                            current,
                            new ReturnIntake(
                                    rejected.matterId(),
                                    rejected.reasons(),
                                    rejected.rejectedBy(),
                                    rejected.occurredAt()),
                            rejected.rejectedBy(),
                            causedBy)
                    .replaceWithVoid();
        });
    }

    @WithSession
    public Uni<IntakePage> list(String status, String matterType, int page, int size) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        if (matterType != null) {
            query.append(" and matterType = :matterType");
            parameters.and("matterType", matterType);
        }
        var found = IntakeSummary.<IntakeSummary>find(
                query.toString(), Sort.descending("updatedAt").and("id"), parameters);
        return found.page(Page.of(page, size))
                .list()
                .chain(items -> found.count().map(total -> new IntakePage(items, page, size, total)));
    }

    private Uni<Versioned<Intake>> apply(UUID id, Versioned<Intake> current, IntakeCommand command, String user) {
        return apply(id, current, command, user, null);
    }

    private Uni<Versioned<Intake>> apply(
            UUID id, Versioned<Intake> current, IntakeCommand command, String user, UUID causedBy) {
        return intakes.decideAndAppend(id.toString(), current, command, new EventMetadata(causedBy, causedBy, user))
                .call(after -> after.version() == current.version()
                        ? Uni.createFrom().voidItem()
                        : summarize(after.state(), after.version()));
    }

    private Uni<Versioned<Intake>> load(UUID id) {
        return intakes.load(id.toString()).invoke(found -> {
            if (!found.state().exists()) {
                throw ProblemException.notFound("intake", id);
            }
        });
    }

    private static Uni<Void> summarize(Intake intake, long version) {
        return IntakeSummary.write(
                intake.id(),
                intake.status().name(),
                intake.data().matterType(),
                intake.data().matterName(),
                intake.data().client().name(),
                intake.attempts(),
                intake.createdBy(),
                intake.updatedAt(),
                version);
    }

    private static IntakeData valid(IntakeData requested) {
        IntakeData data = IntakeDataRules.normalized(requested);
        List<Violation> errors = IntakeDataRules.check(data);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return data;
    }

    private static IntakeData patched(IntakeData data, JsonNode patch) {
        JsonNode result = JsonMergePatch.apply(EventJson.mapper().valueToTree(data), patch);
        try {
            return EventJson.mapper().treeToValue(result, IntakeData.class);
        } catch (JsonProcessingException e) {
            throw new ProblemException(
                    ProblemType.MALFORMED_REQUEST, "The patched intake cannot be read: " + e.getOriginalMessage());
        }
    }
}
