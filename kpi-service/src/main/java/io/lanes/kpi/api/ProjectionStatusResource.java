package io.lanes.kpi.api;

import io.lanes.kpi.messaging.FactProjection;
import io.lanes.kpi.service.TopicEndOffsets;
import io.lanes.platform.security.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** How far the projections got: per topic partition, the next offset to apply, the lag and the last event's time. */
@Path("/projection/status")
@Tag(name = "Projection")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.LEADERSHIP, Roles.OPS, Roles.PM, Roles.ADMIN})
public class ProjectionStatusResource {

    public record PartitionStatus(String topic, int partition, long nextOffset, long endOffset, long lag,
            Instant lastEventTime) {
    }

    private record Progress(long nextOffset, Instant lastEventTime) {
    }

    private final TopicEndOffsets endOffsets;

    public ProjectionStatusResource(TopicEndOffsets endOffsets) {
        this.endOffsets = endOffsets;
    }

    @GET
    @Operation(summary = "Per topic partition: next offset applied, end offset, lag, last event time")
    public Uni<List<PartitionStatus>> status() {
        Uni<Map<TopicPartition, Long>> ends = Uni.createFrom().item(endOffsets::read)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return progress().chain(progress -> ends.map(end -> end.entrySet().stream().map(e -> {
            Progress applied = progress.getOrDefault(e.getKey(), new Progress(0, null));
            return new PartitionStatus(e.getKey().topic(), e.getKey().partition(), applied.nextOffset(), e.getValue(),
                    Math.max(0, e.getValue() - applied.nextOffset()), applied.lastEventTime());
        }).sorted(Comparator.comparing(PartitionStatus::topic).thenComparing(PartitionStatus::partition))
                .collect(Collectors.toList())));
    }

    private static Uni<Map<TopicPartition, Progress>> progress() {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT topic, kafka_partition, next_offset, last_event_time FROM lanes_consumer_progress "
                                + "WHERE consumer = :consumer", Object[].class)
                .setParameter("consumer", FactProjection.CONSUMER)
                .getResultList()))
                .map(rows -> {
                    Map<TopicPartition, Progress> progress = new HashMap<>();
                    for (Object[] row : rows) {
                        progress.put(new TopicPartition((String) row[0], ((Number) row[1]).intValue()),
                                new Progress(((Number) row[2]).longValue(), instant(row[3])));
                    }
                    return progress;
                });
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof OffsetDateTime ? ((OffsetDateTime) value).toInstant() : (Instant) value;
    }
}
