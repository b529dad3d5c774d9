package io.lanes.intake.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The latest playbook version of one matter type, as published on lanes.ops-config.v1. */
@Entity
@Table(name = "local_playbook")
public class LocalPlaybook extends PanacheEntityBase {

    @Id
    @Column(name = "matter_type")
    public String matterType;

    public int version;

    /** The JSON data of the playbook-published event. */
    public String body;

    @Column(name = "published_at")
    public Instant publishedAt;
}
