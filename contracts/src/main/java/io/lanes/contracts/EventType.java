package io.lanes.contracts;

import io.lanes.contracts.hooks.WebhookDeliveryFailed;
import io.lanes.contracts.intake.IntakeComplete;
import io.lanes.contracts.intake.IntakeIncomplete;
import io.lanes.contracts.matter.BudgetRevised;
import io.lanes.contracts.matter.BudgetVariance;
import io.lanes.contracts.matter.ClientFeedbackRecorded;
import io.lanes.contracts.matter.DeadlineMissed;
import io.lanes.contracts.matter.EscalationRaised;
import io.lanes.contracts.matter.EscalationReassigned;
import io.lanes.contracts.matter.EscalationResolved;
import io.lanes.contracts.matter.EthicalScreenAdded;
import io.lanes.contracts.matter.EthicalScreenLifted;
import io.lanes.contracts.matter.HandoffAccepted;
import io.lanes.contracts.matter.HandoffReceived;
import io.lanes.contracts.matter.HandoffRejected;
import io.lanes.contracts.matter.MatterClosed;
import io.lanes.contracts.matter.MilestoneCompleted;
import io.lanes.contracts.matter.MilestonePlanned;
import io.lanes.contracts.matter.MilestoneReplanned;
import io.lanes.contracts.matter.MilestoneSlipped;
import io.lanes.contracts.matter.StatusUpdateSent;
import io.lanes.contracts.matter.TaskAssigned;
import io.lanes.contracts.matter.TaskBlocked;
import io.lanes.contracts.matter.TaskCompleted;
import io.lanes.contracts.matter.TimeRecorded;
import io.lanes.contracts.matter.WriteDownRecorded;
import io.lanes.contracts.opsconfig.PlaybookPublished;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue of event types: the one place where the stable wire name ({@code ce_type}), the Java
 * record, the topic and the schema of each event are tied together. Stored events carry the
 * {@code ce_type}, never a Java class name, so records can be renamed without breaking history.
 */
public enum EventType {
    INTAKE_INCOMPLETE("intake-incomplete", IntakeIncomplete.class, Topic.INTAKE),
    INTAKE_COMPLETE("intake-complete", IntakeComplete.class, Topic.INTAKE),

    HANDOFF_RECEIVED("handoff-received", HandoffReceived.class, Topic.MATTER),
    HANDOFF_ACCEPTED("handoff-accepted", HandoffAccepted.class, Topic.MATTER),
    HANDOFF_REJECTED("handoff-rejected", HandoffRejected.class, Topic.MATTER),
    MILESTONE_PLANNED("milestone-planned", MilestonePlanned.class, Topic.MATTER),
    MILESTONE_REPLANNED("milestone-replanned", MilestoneReplanned.class, Topic.MATTER),
    MILESTONE_COMPLETED("milestone-completed", MilestoneCompleted.class, Topic.MATTER),
    MILESTONE_SLIPPED("milestone-slipped", MilestoneSlipped.class, Topic.MATTER, Topic.ESCALATIONS),
    TASK_ASSIGNED("task-assigned", TaskAssigned.class, Topic.MATTER),
    TASK_COMPLETED("task-completed", TaskCompleted.class, Topic.MATTER),
    TIME_RECORDED("time-recorded", TimeRecorded.class, Topic.MATTER),
    BUDGET_VARIANCE("budget-variance", BudgetVariance.class, Topic.MATTER, Topic.ESCALATIONS),
    BUDGET_REVISED("budget-revised", BudgetRevised.class, Topic.MATTER),
    STATUS_UPDATE_SENT("status-update-sent", StatusUpdateSent.class, Topic.MATTER),
    ESCALATION_RAISED("escalation-raised", EscalationRaised.class, Topic.MATTER, Topic.ESCALATIONS),
    ESCALATION_RESOLVED("escalation-resolved", EscalationResolved.class, Topic.MATTER, Topic.ESCALATIONS),
    ESCALATION_REASSIGNED("escalation-reassigned", EscalationReassigned.class, Topic.MATTER, Topic.ESCALATIONS),
    TASK_BLOCKED("task-blocked", TaskBlocked.class, Topic.MATTER, Topic.ESCALATIONS),
    DEADLINE_MISSED("deadline-missed", DeadlineMissed.class, Topic.MATTER),
    WRITE_DOWN_RECORDED("write-down-recorded", WriteDownRecorded.class, Topic.MATTER),
    CLIENT_FEEDBACK_RECORDED("client-feedback-recorded", ClientFeedbackRecorded.class, Topic.MATTER),
    MATTER_CLOSED("matter-closed", MatterClosed.class, Topic.MATTER),
    ETHICAL_SCREEN_ADDED("ethical-screen-added", EthicalScreenAdded.class, Topic.MATTER),
    ETHICAL_SCREEN_LIFTED("ethical-screen-lifted", EthicalScreenLifted.class, Topic.MATTER),

    PLAYBOOK_PUBLISHED("playbook-published", PlaybookPublished.class, Topic.OPS_CONFIG),

    WEBHOOK_DELIVERY_FAILED("webhook-delivery-failed", WebhookDeliveryFailed.class, Topic.HOOKS);

    private static final Map<String, EventType> BY_CE_TYPE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::ceType, Function.identity()));
    private static final Map<Class<?>, EventType> BY_JAVA_TYPE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::javaType, Function.identity()));

    private final String eventName;
    private final Class<? extends LanesEvent> javaType;
    private final List<Topic> topics;

    EventType(String eventName, Class<? extends LanesEvent> javaType, Topic topic, Topic... copies) {
        this.eventName = eventName;
        this.javaType = javaType;
        this.topics = concat(topic, copies);
    }

    private static List<Topic> concat(Topic topic, Topic[] copies) {
        Topic[] all = Arrays.copyOf(new Topic[] {topic}, 1 + copies.length);
        System.arraycopy(copies, 0, all, 1, copies.length);
        return List.of(all);
    }

    /** The event name of docs/events.md, e.g. {@code intake-complete}. */
    public String eventName() {
        return eventName;
    }

    /** The CloudEvents type, e.g. {@code io.lanes.intake-complete.v1}. */
    public String ceType() {
        return "io.lanes." + eventName + ".v1";
    }

    public Class<? extends LanesEvent> javaType() {
        return javaType;
    }

    /** The topic that carries the aggregate's stream. */
    public Topic topic() {
        return topics.get(0);
    }

    /** Every topic the event is published to: its stream topic, then any copies (escalations). */
    public List<Topic> topics() {
        return topics;
    }

    /** The producing service, which is the owner of the event's topic. */
    public EventSource source() {
        switch (topic()) {
            case INTAKE:
                return EventSource.INTAKE_SERVICE;
            case OPS_CONFIG:
                return EventSource.OPS_CONFIG_SERVICE;
            case HOOKS:
                return EventSource.SUBSCRIPTION_SERVICE;
            default:
                return EventSource.MATTER_SERVICE;
        }
    }

    /** Classpath location of the event's JSON Schema (draft 2020-12). */
    public String schemaResource() {
        return "io/lanes/contracts/schemas/" + eventName + ".schema.json";
    }

    public static EventType of(LanesEvent event) {
        return BY_JAVA_TYPE.get(event.getClass());
    }

    public static Optional<EventType> fromCeType(String ceType) {
        return Optional.ofNullable(BY_CE_TYPE.get(ceType));
    }
}
