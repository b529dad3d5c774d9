package io.lanes.matter.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One matter in the listings; rewritten in the transaction of every change to the matter. */
@Entity
@Table(name = "matter_summary")
public class MatterSummary extends PanacheEntityBase {

    @Id
    @Column(name = "matter_id")
    public UUID matterId;

    @Column(name = "intake_id")
    public UUID intakeId;

    public String status;

    @Column(name = "matter_number")
    public String matterNumber;

    @Column(name = "matter_type")
    public String matterType;

    @Column(name = "practice_area")
    public String practiceArea;

    public String team;

    @Column(name = "matter_name")
    public String matterName;

    @Column(name = "client_name")
    public String clientName;

    @Column(name = "accepted_by")
    public String acceptedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public long version;
}
