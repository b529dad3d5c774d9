package io.lanes.platform.idempotency;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The first response to a creating POST, stored under its Idempotency-Key. */
@Entity
@Table(name = "lanes_idempotency_key")
public class StoredResponse extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String operation;

    @Column(nullable = false)
    public String principal;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(nullable = false)
    public int status;

    public String location;

    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
