package io.lanes.kpi.service;

import io.lanes.eventstore.consumer.ConsumerProgress.Applied;
import io.lanes.kpi.persistence.FactProgress;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;

/** How far the projection got against what the topics hold: per partition, applied, end and lag. */
@ApplicationScoped
public class ProjectionStatus {

    public record PartitionStatus(
            String topic, int partition, long nextOffset, long endOffset, long lag, Instant lastEventTime) {}

    private final FactProgress progress;
    private final TopicEndOffsets endOffsets;

    public ProjectionStatus(FactProgress progress, TopicEndOffsets endOffsets) {
        this.progress = progress;
        this.endOffsets = endOffsets;
    }

    public Uni<List<PartitionStatus>> partitions() {
        Uni<Map<TopicPartition, Long>> ends =
                Uni.createFrom().item(endOffsets::read).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return progress.applied()
                .chain(applied -> ends.map(end -> end.entrySet().stream()
                        .map(e -> {
                            Applied done = applied.getOrDefault(e.getKey(), Applied.NOTHING);
                            return new PartitionStatus(
                                    e.getKey().topic(),
                                    e.getKey().partition(),
                                    done.nextOffset(),
                                    e.getValue(),
                                    Math.max(0, e.getValue() - done.nextOffset()),
                                    done.lastEventTime());
                        })
                        .sorted(Comparator.comparing(PartitionStatus::topic).thenComparing(PartitionStatus::partition))
                        .collect(Collectors.toList())));
    }
}
