package io.lanes.eventstore.consumer;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * How far an {@link IdempotentConsumer} has applied each partition, read from the progress it writes
 * in its batches' transactions. The table stays eventstore's own: services ask here rather than
 * reading it.
 */
public final class ConsumerProgress {

    /** The next offset to apply on a partition, and when its last applied event occurred. */
    public record Applied(long nextOffset, Instant lastEventTime) {

        public static final Applied NOTHING = new Applied(0, null);
    }

    private ConsumerProgress() {}

    /**
     * The progress of {@code consumer} per partition, through {@code client}: a pool, or the
     * connection of a transaction that must see it under its own locks.
     */
    public static Uni<Map<TopicPartition, Applied>> of(SqlClient client, String consumer) {
        return client.preparedQuery("SELECT topic, kafka_partition, next_offset, last_event_time "
                        + "FROM lanes_consumer_progress WHERE consumer = $1")
                .execute(Tuple.of(consumer))
                .map(rows -> {
                    Map<TopicPartition, Applied> progress = new HashMap<>();
                    for (Row row : rows) {
                        OffsetDateTime last = row.getOffsetDateTime(3);
                        progress.put(
                                new TopicPartition(row.getString(0), row.getInteger(1)),
                                new Applied(row.getLong(2), last == null ? null : last.toInstant()));
                    }
                    return progress;
                });
    }
}
