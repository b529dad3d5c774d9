package io.lanes.kpi.readmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Given a batch's rows, when turned into statements, then few statements and no key twice in one. */
class ReadModelWritesTest {

    @Test
    void equalRowsAreWrittenOnceAndEachTableIsOneStatement() {
        List<ReadModelRow> rows = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            rows.add(ReadModelRow.of(ReadModel.KNOWN_VALUE, "team", "construction-team"));
            rows.add(ReadModelRow.of(ReadModel.SLIP, UUID.randomUUID(), UUID.randomUUID(), "2025-03-01T00:00:00Z"));
        }
        List<SqlStatement> statements = ReadModelWrites.of(rows, "");
        assertEquals(2, statements.size(), "one per table");
        assertEquals(1_000, statements.get(0).values().get(0).length, "slips first (enum order)");
        assertArrayEquals(new String[] {"team"}, statements.get(1).values().get(0));
    }

    @Test
    void aKeyThatRepeatsWithOtherValuesGoesToALaterStatementOfTheSameText() {
        UUID milestone = UUID.randomUUID();
        UUID matter = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        List<ReadModelRow> rows = List.of(
                milestone(milestone, matter, "2025-03-10T12:00:00Z", null),
                milestone(other, matter, null, null),
                milestone(milestone, matter, null, "2025-03-12T06:00:00Z"));
        List<SqlStatement> statements = ReadModelWrites.of(rows, "_rebuild");
        assertEquals(2, statements.size());
        assertEquals(2, statements.get(0).values().get(0).length);
        assertArrayEquals(
                new String[] {milestone.toString()}, statements.get(1).values().get(0));
        assertEquals(statements.get(0).sql(), statements.get(1).sql());
        assertEquals(true, statements.get(0).sql().startsWith("INSERT INTO kpi_milestone_rebuild AS t"));
    }

    private static ReadModelRow milestone(UUID id, UUID matter, String completedAt, String slippedAt) {
        return ReadModelRow.in(ReadModel.MILESTONE)
                .set("milestone_id", id)
                .set("matter_id", matter)
                .set("completed_at", completedAt)
                .set("slipped_at", slippedAt)
                .row();
    }
}
