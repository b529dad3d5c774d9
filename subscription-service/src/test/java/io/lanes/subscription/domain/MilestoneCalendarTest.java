package io.lanes.subscription.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.io.ParseWarning;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The feed is valid RFC 5545, as an independent parser reads it: one DTSTAMP an event, folded, escaped. */
class MilestoneCalendarTest {

    private static final Instant NOW = Instant.parse("2027-01-04T09:30:00Z");

    @Test
    void anIndependentParserReadsItWithoutAWarning() {
        String name = "Serve the reply, the counterclaim; and the 30-page exhibit bundle to every defendant's counsel";
        CalendarMilestone milestone = new CalendarMilestone(
                UUID.randomUUID(), "2027-00042", name, LocalDate.parse("2027-02-01"), "a.chen", true, null, 2);

        String text = MilestoneCalendar.render("Lanes milestones", List.of(milestone), NOW);

        List<List<ParseWarning>> warnings = new ArrayList<>();
        ICalendar calendar = Biweekly.parse(text).warnings(warnings).first();
        assertEquals(List.of(List.of()), warnings);
        var event = calendar.getEvents().get(0);
        assertEquals(
                "Hard deadline: " + name + " — 2027-00042", event.getSummary().getValue());
        assertEquals(2, event.getSequence().getValue());
        assertEquals(NOW, event.getDateTimeStamp().getValue().toInstant());
        assertEquals(1, text.lines().filter(line -> line.startsWith("DTSTAMP")).count(), "one DTSTAMP per event");
        assertTrue(text.contains("\\, the counterclaim\\;"), "commas and semicolons escaped");
        text.lines()
                .forEach(line ->
                        assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "folded at 75 octets: " + line));
    }
}
