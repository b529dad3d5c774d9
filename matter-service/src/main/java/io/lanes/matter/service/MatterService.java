package io.lanes.matter.service;

import io.lanes.contracts.intake.IntakeComplete;
import io.lanes.contracts.opsconfig.PlaybookPublished;
import io.lanes.eventstore.ConcurrencyConflict;
import io.lanes.eventstore.EventMetadata;
import io.lanes.eventstore.EventStore;
import io.lanes.eventstore.StoredEvent;
import io.lanes.eventstore.aggregate.AggregateRepository;
import io.lanes.eventstore.aggregate.AggregateRepository.Batch;
import io.lanes.eventstore.aggregate.AggregateRepository.Outcome;
import io.lanes.eventstore.aggregate.Versioned;
import io.lanes.matter.config.MatterConfig;
import io.lanes.matter.domain.BusinessCalendar;
import io.lanes.matter.domain.EscalationRoutes;
import io.lanes.matter.domain.Matter;
import io.lanes.matter.domain.MatterCommand;
import io.lanes.matter.domain.MatterCommand.ReceiveHandoff;
import io.lanes.matter.domain.MatterDecider;
import io.lanes.matter.domain.MatterInternalEvent;
import io.lanes.matter.domain.MatterStatus;
import io.lanes.matter.domain.MatterWork;
import io.lanes.matter.persistence.MatterIdentifiers;
import io.lanes.matter.persistence.MatterNumbers;
import io.lanes.matter.persistence.MatterPages;
import io.lanes.matter.persistence.MatterScreens;
import io.lanes.matter.persistence.MatterSummary;
import io.lanes.matter.persistence.WorkItems;
import io.lanes.platform.domain.RuleBroken;
import io.lanes.platform.problem.ProblemException;
import io.lanes.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs commands on matters (stream id = matterId): load, decide, append at the loaded version, and
 * rewrite the listing row, in one transaction. With the client's {@code If-Match} a moved stream is
 * a 412; without it a lost race is retried on fresh state.
 */
@ApplicationScoped
public class MatterService {

    public static final String STREAM_TYPE = "matter";
    public static final String EXTERNAL_ID_TAKEN = "EXTERNAL_ID_TAKEN";
    private static final int ATTEMPTS = 5;

    private final EventStore store;
    private final AggregateRepository<MatterCommand, Matter, Object> matters;
    private final PlaybookVersions playbooks;
    private final Clock clock;
    private final BusinessCalendar calendar;
    private final Map<String, String> teamLeads;
    private final MatterNumbers numbers;
    private final MatterIdentifiers identifiers;
    private final MatterScreens screens;
    private final WorkItems work;
    private final MatterPages pages;

    public MatterService(
            EventStore store,
            PlaybookVersions playbooks,
            Clock clock,
            MatterConfig config,
            MatterNumbers numbers,
            MatterIdentifiers identifiers,
            MatterScreens screens,
            WorkItems work,
            MatterPages pages) {
        this.store = store;
        this.matters = new AggregateRepository<>(
                store, new MatterDecider(clock.getZone()), STREAM_TYPE, MatterInternalEvent.TYPES.withContractEvents());
        this.playbooks = playbooks;
        this.clock = clock;
        this.calendar = new BusinessCalendar(config.holidays().orElse(Set.of()));
        this.teamLeads = config.teamLeads();
        this.numbers = numbers;
        this.identifiers = identifiers;
        this.screens = screens;
        this.work = work;
        this.pages = pages;
    }

    public BusinessCalendar calendar() {
        return calendar;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Instant now() {
        return clock.instant();
    }

    /** A complete handoff packet from intake (consumer's transaction). */
    public Uni<Void> receiveHandoff(UUID matterId, IntakeComplete packet, UUID causedBy) {
        return matters.load(matterId.toString())
                .chain(current -> append(
                        matterId,
                        current,
                        new ReceiveHandoff(matterId, packet, clock.instant()),
                        new EventMetadata(causedBy, causedBy, packet.submittedBy())))
                .replaceWithVoid();
    }

    /**
     * Runs a command built from the matter's current state and its playbook, in its own transaction.
     *
     * @param expectedVersion the client's If-Match, or null to retry lost races
     */
    public Uni<Versioned<Matter>> handle(
            UUID matterId, Long expectedVersion, Caller caller, Function<Context, MatterCommand> command) {
        return handleAsync(
                matterId, expectedVersion, caller, context -> Uni.createFrom().item(() -> command.apply(context)));
    }

    /** Accepts the pending handoff with the next matter number, issued in the same transaction. */
    public Uni<Versioned<Matter>> accept(
            UUID matterId, Long expectedVersion, Caller caller, BiFunction<Context, String, MatterCommand> accept) {
        return handleAsync(
                matterId,
                expectedVersion,
                caller,
                context -> numbers.issue(today()).map(number -> accept.apply(context, number)));
    }

    /**
     * Links the matter to {@code externalId} in {@code system}; an id that already names another matter
     * there breaks the rule {@code EXTERNAL_ID_TAKEN}.
     */
    public Uni<Versioned<Matter>> linkExternalId(
            UUID matterId, Long expectedVersion, Caller caller, String system, String externalId) {
        return handleAsync(
                matterId,
                expectedVersion,
                caller,
                context -> identifiers.byExternalId(system, externalId).map(holder -> {
                    if (holder.isPresent() && !holder.get().equals(matterId)) {
                        throw new RuleBroken(
                                EXTERNAL_ID_TAKEN,
                                system + " id " + externalId + " already names matter " + holder.get());
                    }
                    return new MatterCommand.LinkExternalId(system, externalId, caller.name(), now());
                }));
    }

    /**
     * Decides the commands built from the matter's state and playbook one after another and appends
     * their events together, in one transaction (retried whole on a lost race); what became of each.
     */
    public Uni<List<Outcome>> handleEach(
            UUID matterId, Caller caller, Function<Context, List<MatterCommand>> commands) {
        return Panache.withTransaction(() -> load(matterId, caller)
                        .chain(current -> playbookOf(current.state())
                                .chain(playbook -> matters.decideEachAndAppend(
                                                matterId.toString(),
                                                current,
                                                commands.apply(context(current.state(), playbook)),
                                                EventMetadata.by(caller.name()))
                                        .call(batch -> project(current, batch.after()))
                                        .map(Batch::outcomes))))
                .onFailure(ConcurrencyConflict.class)
                .retry()
                .atMost(ATTEMPTS - 1);
    }

    private Uni<Versioned<Matter>> handleAsync(
            UUID matterId, Long expectedVersion, Caller caller, Function<Context, Uni<MatterCommand>> command) {
        return retryingLostRaces(
                expectedVersion,
                () -> Panache.withTransaction(() -> decideAsync(matterId, expectedVersion, caller, command)));
    }

    /**
     * Runs {@code attempt}, which opens its own transaction: again on a lost race when the client named
     * no version (a lost race rolls the whole attempt back), a 412 when its If-Match went stale.
     */
    public <T> Uni<T> retryingLostRaces(Long expectedVersion, Supplier<Uni<T>> attempt) {
        Uni<T> once = Uni.createFrom().deferred(attempt::get);
        if (expectedVersion != null) {
            return once.onFailure(ConcurrencyConflict.class)
                    .transform(e -> ProblemException.staleVersion(
                            "matter", ((ConcurrencyConflict) e).actualVersion(), expectedVersion));
        }
        return once.onFailure(ConcurrencyConflict.class).retry().atMost(ATTEMPTS - 1);
    }

    /** Decides a command built from the matter's state and playbook and appends its events, in the caller's transaction. */
    public Uni<Versioned<Matter>> decide(
            UUID matterId, Long expectedVersion, Caller caller, Function<Context, MatterCommand> command) {
        return decideAsync(
                matterId, expectedVersion, caller, context -> Uni.createFrom().item(() -> command.apply(context)));
    }

    private Uni<Versioned<Matter>> decideAsync(
            UUID matterId, Long expectedVersion, Caller caller, Function<Context, Uni<MatterCommand>> command) {
        return load(matterId, caller).chain(current -> {
            ProblemException.requireVersion("matter", current.version(), expectedVersion);
            return playbookOf(current.state())
                    .chain(playbook -> command.apply(context(current.state(), playbook)))
                    .chain(decided -> append(matterId, current, decided, EventMetadata.by(caller.name())));
        });
    }

    /** What a command is decided on: the matter and the playbook version its plan came from. */
    private Context context(Matter matter, PlaybookPublished playbook) {
        return new Context(matter, playbook, new EscalationRoutes(playbook.escalationPaths(), teamLeads));
    }

    /**
     * @param routes who answers the matter's escalations: the playbook's paths and the firm's team leads
     */
    public record Context(Matter matter, PlaybookPublished playbook, EscalationRoutes routes) {

        /** The UTBMS phases time may be recorded against: the budget split's and the milestone templates'. */
        public Set<String> phases() {
            Set<String> phases = new TreeSet<>();
            playbook.budgetPhases().forEach(p -> phases.add(p.code()));
            playbook.milestones().forEach(m -> phases.add(m.phase()));
            return phases;
        }
    }

    /** The matter (as of {@code asOf}, if given); 404 when it does not exist or is not the caller's to see. */
    @WithSession
    public Uni<Versioned<Matter>> get(UUID matterId, Instant asOf, Caller caller) {
        Uni<List<StoredEvent>> events = asOf == null
                ? store.load(matterId.toString())
                : store.loadAsOf(matterId.toString(), asOf).call(() -> get(matterId, null, caller));
        return events.map(stored -> {
            Versioned<Matter> found = stored.isEmpty() ? null : matters.fold(stored);
            if (found == null || (asOf == null && !MatterAccess.permits(caller, found.state()))) {
                throw ProblemException.notFound("matter", matterId + (asOf == null ? "" : " as of " + asOf));
            }
            return found;
        });
    }

    /** The state and its playbook, for views that show cadence-dependent dates. */
    @WithSession
    public Uni<Context> getWithPlaybook(UUID matterId, Instant asOf, Caller caller) {
        return get(matterId, asOf, caller)
                .chain(found -> playbookOf(found.state()).map(p -> context(found.state(), p)));
    }

    /** The matter its stored events fold to. */
    public Versioned<Matter> fold(List<StoredEvent> events) {
        return matters.fold(events);
    }

    @WithSession
    public Uni<List<StoredEvent>> history(UUID matterId, Caller caller) {
        return store.load(matterId.toString()).invoke(events -> {
            if (events.isEmpty()
                    || !MatterAccess.permits(caller, matters.fold(events).state())) {
                throw ProblemException.notFound("matter", matterId);
            }
        });
    }

    /** Every matter in these statuses, whatever its team or screens: for Lanes' own jobs (detection). */
    @WithSession
    public Uni<List<MatterSummary>> firmWide(Set<MatterStatus> statuses) {
        return MatterSummary.<MatterSummary>find(
                        "status in ?1", statuses.stream().map(Enum::name).collect(Collectors.toList()))
                .list();
    }

    /** One page of the caller's matters in these statuses, optionally of one team or accepting PM. */
    @WithSession
    public Uni<MatterPages.Page> page(
            Set<MatterStatus> statuses, String team, String acceptedBy, Caller caller, int page, int size) {
        return pages.page(
                statuses.stream().map(Enum::name).collect(Collectors.toSet()),
                caller.worksAcrossTeams() ? null : caller.teams(),
                caller.name(),
                team,
                acceptedBy,
                page,
                size);
    }

    /** The accepted matter with this number, as a one-row listing (empty when none the caller may see). */
    @WithSession
    public Uni<List<MatterSummary>> withNumber(String number, Caller caller) {
        return MatterSummary.<MatterSummary>find("matterNumber", number).list().chain(found -> visible(found, caller));
    }

    /** The matter {@code externalId} names in {@code system}, as a one-row listing (empty when none). */
    @WithSession
    public Uni<List<MatterSummary>> withExternalId(String system, String externalId, Caller caller) {
        return identifiers
                .byExternalId(system, externalId)
                .chain(found -> found.isEmpty()
                        ? Uni.createFrom().item(List.<MatterSummary>of())
                        : MatterSummary.<MatterSummary>findById(found.get())
                                .chain(row -> visible(row == null ? List.of() : List.of(row), caller)));
    }

    /**
     * The matters the names denote, each a matter number or an id in {@code system}; a matter the
     * caller may not see is absent, as if it did not exist.
     */
    @WithSession
    public Uni<Map<String, UUID>> resolve(Collection<String> names, String system, Caller caller) {
        return identifiers
                .resolve(names, system)
                .chain(found -> MatterSummary.<MatterSummary>find("matterId in ?1", Set.copyOf(found.values()))
                        .list()
                        .chain(rows -> visible(rows, caller))
                        .map(rows -> {
                            Set<UUID> allowed =
                                    rows.stream().map(row -> row.matterId).collect(Collectors.toSet());
                            Map<String, UUID> visible = new HashMap<>(found);
                            visible.values().retainAll(allowed);
                            return visible;
                        }));
    }

    /** The rows of the caller's teams, less the matters an ethical screen walls them off. */
    private Uni<List<MatterSummary>> visible(List<MatterSummary> rows, Caller caller) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(rows);
        }
        return screens.screenedFrom(Set.of(caller.name()))
                .map(screened -> rows.stream()
                        .filter(row -> caller.worksFor(row.team) && !screened.contains(row.matterId))
                        .collect(Collectors.toList()));
    }

    private Uni<Versioned<Matter>> load(UUID matterId, Caller caller) {
        return matters.load(matterId.toString()).invoke(found -> {
            if (found.version() == 0 || !MatterAccess.permits(caller, found.state())) {
                throw ProblemException.notFound("matter", matterId);
            }
        });
    }

    private Uni<PlaybookPublished> playbookOf(Matter matter) {
        IntakeComplete packet = matter.packet();
        return playbooks.version(
                packet.matterType(),
                matter.status() == MatterStatus.OPEN || matter.status() == MatterStatus.CLOSED
                        ? matter.playbookVersion()
                        : packet.playbookVersion());
    }

    private Uni<Versioned<Matter>> append(
            UUID matterId, Versioned<Matter> current, MatterCommand command, EventMetadata metadata) {
        return matters.decideAndAppend(matterId.toString(), current, command, metadata)
                .call(after -> project(current, after));
    }

    /** The read models after a change: the listing row, and the external ids and screens if they changed. */
    private Uni<Void> project(Versioned<Matter> before, Versioned<Matter> after) {
        if (after.version() == before.version()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, String> linked = new HashMap<>(after.state().externalIds());
        linked.entrySet().removeAll(before.state().externalIds().entrySet());
        Uni<Void> links = Uni.createFrom().voidItem();
        for (Map.Entry<String, String> link : linked.entrySet()) {
            links = links.call(() -> identifiers.link(after.state().id(), link.getKey(), link.getValue()));
        }
        Uni<Void> changed = links.call(() -> summarize(after.state(), after.version()));
        for (String user : after.state().screenedUsers()) {
            if (!before.state().screenedUsers().contains(user)) {
                changed = changed.call(() -> screens.screen(after.state().id(), user));
            }
        }
        for (String user : before.state().screenedUsers()) {
            if (!after.state().screenedUsers().contains(user)) {
                changed = changed.call(() -> screens.lift(after.state().id(), user));
            }
        }
        // Most changes (time entries, status updates) leave the queue as it was: write it only when it moves.
        if (MatterWork.of(before.state(), clock.getZone()).equals(MatterWork.of(after.state(), clock.getZone()))) {
            return changed;
        }
        return changed.call(() -> queueWork(after.state()));
    }

    /** The matter's rows of the PM work queue, from its state. */
    private Uni<Void> queueWork(Matter matter) {
        IntakeComplete packet = matter.packet();
        return work.replace(
                matter.id(),
                packet.routing().team(),
                packet.matterName(),
                matter.number(),
                MatterWork.of(matter, clock.getZone()));
    }

    /**
     * Fills the work queue of matters changed before it existed (it is empty then); a no-op once any
     * matter has queued work. Returns how many matters were queued.
     */
    @WithTransaction
    public Uni<Integer> queueWorkOfExistingMatters() {
        return work.isEmpty().chain(empty -> {
            if (!empty) {
                return Uni.createFrom().item(0);
            }
            return MatterSummary.<MatterSummary>find(
                            "status in ?1", List.of(MatterStatus.PENDING.name(), MatterStatus.OPEN.name()))
                    .list()
                    .chain(rows -> {
                        Uni<Integer> queued = Uni.createFrom().item(0);
                        for (MatterSummary row : rows) {
                            queued = queued.chain(n -> matters.load(row.matterId.toString())
                                    .chain(found -> queueWork(found.state()))
                                    .replaceWith(n + 1));
                        }
                        return queued;
                    });
        });
    }

    private Uni<Void> summarize(Matter matter, long version) {
        return MatterSummary.<MatterSummary>findById(matter.id()).chain(found -> {
            MatterSummary row = found != null ? found : new MatterSummary();
            IntakeComplete packet = matter.packet();
            row.matterId = matter.id();
            row.intakeId = packet.intakeId();
            row.status = matter.status().name();
            row.matterNumber = matter.number();
            row.matterType = packet.matterType();
            row.practiceArea = packet.practiceArea();
            row.team = packet.routing().team();
            row.matterName = packet.matterName();
            row.clientName = packet.client().name();
            row.acceptedBy = matter.acceptedBy();
            row.updatedAt = clock.instant();
            row.version = version;
            return row.persist().replaceWithVoid();
        });
    }
}
