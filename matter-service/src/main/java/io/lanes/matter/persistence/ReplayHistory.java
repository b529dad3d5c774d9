package io.lanes.matter.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.lanes.contracts.EventJson;
import io.lanes.contracts.EventType;
import io.lanes.contracts.opsconfig.PlaybookPublished;
import io.lanes.eventstore.StoredEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The recorded histories a replay reads, over JDBC on the caller's (worker) thread: a replay is a long
 * read that computes between rows, which the event loop and its reactive session must not wait on.
 * Streams are read through a cursor, one matter's events at a time, so a year of a large firm's matters
 * is never held in memory at once.
 */
@ApplicationScoped
public class ReplayHistory {

    /**
     * Matters of a type accepted in a window. The partial index {@code matter_accepted} serves it only when
     * the plan sees its predicate's type, so the type is written into the statement, not bound.
     */
    private static final String ACCEPTED = "FROM lanes_event WHERE ce_type = '" + EventType.HANDOFF_ACCEPTED.ceType()
            + "' AND data ->> 'matterType' = ? AND occurred_at >= ? AND occurred_at < ?";

    private static final int FETCH_SIZE = 2_000;

    private final DataSource dataSource;

    public ReplayHistory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** How many matters of {@code matterType} were accepted in [{@code from}, {@code to}). */
    public int countAccepted(String matterType, Instant from, Instant to) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement("SELECT count(*) " + ACCEPTED)) {
            window(count, matterType, from, to);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("counting the matters to replay failed", e);
        }
    }

    /** Every version of the matter type's playbook that reached matter-service, by version. */
    public Map<Integer, PlaybookPublished> playbooks(String matterType) {
        Map<Integer, PlaybookPublished> versions = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT version, body FROM playbook_version WHERE matter_type = ?")) {
            select.setString(1, matterType);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    versions.put(
                            rows.getInt(1), EventJson.mapper().readValue(rows.getString(2), PlaybookPublished.class));
                }
            }
            return versions;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("reading the playbook versions failed", e);
        }
    }

    /**
     * Hands {@code each} the whole stream of every matter of {@code matterType} accepted in
     * [{@code from}, {@code to}), one matter at a time, in version order.
     */
    public void forEachAccepted(String matterType, Instant from, Instant to, Consumer<List<StoredEvent>> each) {
        String sql = "SELECT e.position, e.stream_id, e.stream_type, e.version, e.event_id, e.ce_type, e.data::text,"
                + " e.occurred_at, e.recorded_at FROM (SELECT stream_id " + ACCEPTED + ") a"
                + " JOIN lanes_event e ON e.stream_id = a.stream_id ORDER BY e.stream_id, e.version";
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // PostgreSQL reads through a cursor only inside a transaction
            connection.setReadOnly(true);
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setFetchSize(FETCH_SIZE);
                window(select, matterType, from, to);
                try (ResultSet rows = select.executeQuery()) {
                    List<StoredEvent> stream = new ArrayList<>();
                    while (rows.next()) {
                        StoredEvent event = event(rows);
                        if (!stream.isEmpty() && !stream.get(0).streamId().equals(event.streamId())) {
                            each.accept(stream);
                            stream = new ArrayList<>();
                        }
                        stream.add(event);
                    }
                    if (!stream.isEmpty()) {
                        each.accept(stream);
                    }
                }
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the matters to replay failed", e);
        }
    }

    private static void window(PreparedStatement statement, String matterType, Instant from, Instant to)
            throws SQLException {
        statement.setString(1, matterType);
        statement.setTimestamp(2, Timestamp.from(from));
        statement.setTimestamp(3, Timestamp.from(to));
    }

    private static StoredEvent event(ResultSet rows) throws SQLException {
        return new StoredEvent(
                rows.getLong(1),
                rows.getString(2),
                rows.getString(3),
                rows.getLong(4),
                rows.getObject(5, java.util.UUID.class),
                rows.getString(6),
                rows.getString(7),
                rows.getTimestamp(8).toInstant(),
                rows.getTimestamp(9).toInstant());
    }
}
