package io.lanes.eventstore.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** The events the relay parked, for an operator to see and, once the cause is fixed, send again. */
@ApplicationScoped
public class ParkedEvents {

    /** A parked event, and how many later events of its stream wait behind it. */
    public record ParkedEvent(
            long position,
            String streamId,
            long version,
            UUID eventId,
            String ceType,
            String reason,
            int attempts,
            Instant parkedAt,
            long waitingBehind) {}

    private final DataSource dataSource;

    public ParkedEvents(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<ParkedEvent> list() {
        List<ParkedEvent> parked = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT p.position, p.stream_id, e.version, "
                                + "e.event_id, e.ce_type, p.reason, p.attempts, p.parked_at, (SELECT count(*) FROM lanes_outbox "
                                + "o JOIN lanes_event w ON w.position = o.position WHERE w.stream_id = p.stream_id) "
                                + "FROM lanes_outbox_parked p JOIN lanes_event e ON e.position = p.position ORDER BY p.position");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                parked.add(new ParkedEvent(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        (UUID) rs.getObject(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getInt(7),
                        rs.getTimestamp(8).toInstant(),
                        rs.getLong(9)));
            }
            return parked;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the parked events", e);
        }
    }

    /**
     * Puts a parked event back in the outbox, ahead of the events of its stream that waited behind
     * it (it has the lower position); false when no event is parked at {@code position}. The relay
     * parks it again, with one more attempt, if Kafka still refuses it.
     */
    public boolean retry(long position) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement unpark =
                            connection.prepareStatement("DELETE FROM lanes_outbox_parked WHERE position = ?");
                    PreparedStatement requeue = connection.prepareStatement(
                            "INSERT INTO lanes_outbox (position) VALUES (?) ON CONFLICT DO NOTHING")) {
                unpark.setLong(1, position);
                if (unpark.executeUpdate() == 0) {
                    connection.rollback();
                    return false;
                }
                requeue.setLong(1, position);
                requeue.executeUpdate();
                connection.commit();
                return true;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot retry the parked event at " + position, e);
        }
    }
}
