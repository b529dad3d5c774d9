package io.lanes.intake.persistence;

import io.lanes.eventstore.SessionConnection;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** One intake in the listing; rewritten in the transaction of every change to the intake. */
@Entity
@Table(name = "intake_summary")
public class IntakeSummary extends PanacheEntityBase {

    @Id
    public UUID id;

    public String status;

    @Column(name = "matter_type")
    public String matterType;

    @Column(name = "matter_name")
    public String matterName;

    @Column(name = "client_name")
    public String clientName;

    public int attempts;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public long version;

    private static final String UPSERT = "INSERT INTO intake_summary (id, status, matter_type, matter_name, "
            + "client_name, attempts, created_by, updated_at, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
            + "ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, matter_type = EXCLUDED.matter_type, "
            + "matter_name = EXCLUDED.matter_name, client_name = EXCLUDED.client_name, attempts = EXCLUDED.attempts, "
            + "created_by = EXCLUDED.created_by, updated_at = EXCLUDED.updated_at, version = EXCLUDED.version "
            + "WHERE intake_summary.version < EXCLUDED.version";

    /**
     * Writes the listing row of an intake at {@code version}, in the caller's transaction, in one
     * statement: a change to an intake is a request of intake staff, and loading the row as an entity to
     * rewrite it cost a query, dirty checking and a flush per request.
     */
    public static Uni<Void> write(
            UUID id,
            String status,
            String matterType,
            String matterName,
            String clientName,
            int attempts,
            String createdBy,
            Instant updatedAt,
            long version) {
        return SessionConnection.update(
                        UPSERT,
                        id,
                        status,
                        matterType,
                        matterName,
                        clientName,
                        attempts,
                        createdBy,
                        OffsetDateTime.ofInstant(updatedAt, ZoneOffset.UTC),
                        version)
                .replaceWithVoid();
    }
}
