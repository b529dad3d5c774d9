package io.lanes.matter.service;

import io.lanes.matter.domain.WorkItem.WorkKind;
import io.lanes.matter.persistence.MatterScreens;
import io.lanes.matter.persistence.WorkItems;
import io.lanes.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What needs a PM now, most urgent first: open escalations and tasks assigned to them, open milestones
 * of the matters they accepted that are due within {@value #HORIZON_DAYS} days or already late, and the
 * pending handoffs of their teams. Only matters the caller may see; never one screened from the person.
 */
@ApplicationScoped
public class WorkQueue {

    static final int HORIZON_DAYS = 14;

    public record Entry(
            WorkKind kind,
            UUID matterId,
            String matterNumber,
            String matterName,
            String itemId,
            String title,
            String assignee,
            LocalDate dueDate,
            boolean overdue,
            boolean flagged) {}

    /**
     * Open escalations first (each is an alarm already raised), then what is late (overdue or reported
     * late), then tasks, milestones and handoffs; each by due date.
     */
    static final Comparator<Entry> URGENCY = Comparator.comparing((Entry e) -> e.kind() != WorkKind.ESCALATION)
            .thenComparing(e -> !(e.overdue() || e.flagged()))
            .thenComparing(Entry::kind)
            .thenComparing(Entry::dueDate, Comparator.nullsLast(Comparator.naturalOrder()));

    private final WorkItems items;
    private final MatterScreens screens;
    private final MatterService matters;

    public WorkQueue(WorkItems items, MatterScreens screens, MatterService matters) {
        this.items = items;
        this.screens = screens;
        this.matters = matters;
    }

    /**
     * The queue of {@code assignee} (null: the caller's own, with their teams' pending handoffs) as the
     * caller may see it.
     */
    @WithSession
    public Uni<List<Entry>> of(Caller caller, String assignee) {
        String person = assignee == null ? caller.name() : assignee;
        LocalDate today = matters.today();
        return screens.screenedFrom(Set.copyOf(List.of(person, caller.name())))
                .chain(screened -> items.of(
                                person,
                                assignee == null ? caller.teams() : null,
                                caller.worksAcrossTeams(),
                                today.plusDays(HORIZON_DAYS))
                        .map(rows -> rows.stream()
                                .filter(row -> caller.worksFor(row.team()) && !screened.contains(row.matterId()))
                                .map(row -> new Entry(
                                        row.kind(),
                                        row.matterId(),
                                        row.matterNumber(),
                                        row.matterName(),
                                        row.itemId(),
                                        row.title(),
                                        row.assignee(),
                                        row.dueDate(),
                                        row.kind() != WorkKind.HANDOFF
                                                && row.dueDate() != null
                                                && row.dueDate().isBefore(today),
                                        row.flagged()))
                                .sorted(URGENCY)
                                .collect(Collectors.toList())));
    }
}
