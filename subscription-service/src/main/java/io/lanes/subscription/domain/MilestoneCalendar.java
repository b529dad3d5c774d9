package io.lanes.subscription.domain;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Priority;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * Milestones as an RFC 5545 calendar (ical4j does the folding, escaping and value types): one all-day
 * VEVENT each, UID the milestone id (so a replan moves the event instead of adding one), SEQUENCE
 * raised on each replan; a hard deadline (a court or statutory date) is marked in its summary, as
 * category HARD-DEADLINE and priority 1; a completed milestone says so in its summary and description.
 */
public final class MilestoneCalendar {

    static final String HARD_DEADLINE = "HARD-DEADLINE";
    static final String COMPLETED = "COMPLETED";

    private MilestoneCalendar() {}

    public static String render(String name, List<CalendarMilestone> milestones, Instant now) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Lanes//Matter milestones//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        for (CalendarMilestone milestone : milestones) {
            calendar.add(event(milestone, now));
        }
        StringWriter text = new StringWriter();
        try {
            // The outputter folds long lines (toString does not); the model is built valid, so it is not re-validated.
            new CalendarOutputter(false).output(calendar, text);
        } catch (IOException | ValidationException e) {
            throw new IllegalStateException("cannot write a calendar to memory", e);
        }
        return text.toString();
    }

    private static VEvent event(CalendarMilestone m, Instant now) {
        VEvent event = new VEvent(m.dueDate(), m.dueDate().plusDays(1), summary(m));
        event.add(new Uid(m.milestoneId().toString()));
        event.replace(new DtStamp(now));
        event.add(new Sequence(m.sequence()));
        event.add(new Description(description(m)));
        if (m.hardDeadline()) {
            event.add(new Categories(HARD_DEADLINE));
            event.add(new Priority(1));
        }
        if (m.completedOn() != null) {
            event.add(new Categories(COMPLETED));
        }
        return event;
    }

    private static String summary(CalendarMilestone m) {
        String matter = m.matterNumber() == null ? "" : " — " + m.matterNumber();
        String mark = m.completedOn() != null ? "✓ " : m.hardDeadline() ? "Hard deadline: " : "";
        return mark + m.name() + matter;
    }

    private static String description(CalendarMilestone m) {
        StringBuilder text = new StringBuilder();
        text.append(m.hardDeadline() ? "Hard deadline (a court or statutory date)" : "Milestone");
        if (m.matterNumber() != null) {
            text.append(" of matter ").append(m.matterNumber());
        }
        if (m.owner() != null) {
            text.append(", owner ").append(m.owner());
        }
        text.append('.');
        if (m.completedOn() != null) {
            text.append(" Completed on ").append(m.completedOn()).append('.');
        }
        return text.toString();
    }
}
