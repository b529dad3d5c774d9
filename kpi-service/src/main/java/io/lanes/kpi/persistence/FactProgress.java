package io.lanes.kpi.persistence;

import io.lanes.eventstore.consumer.ConsumerProgress;
import io.lanes.eventstore.consumer.ConsumerProgress.Applied;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/** How far the fact projection has applied each partition. */
@ApplicationScoped
public class FactProgress {

    private final Pool pool;

    public FactProgress(Pool pool) {
        this.pool = pool;
    }

    public Uni<Map<TopicPartition, Applied>> applied() {
        return ConsumerProgress.of(pool, FactStore.CONSUMER);
    }
}
