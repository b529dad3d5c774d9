package io.lanes.intake.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
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
}
