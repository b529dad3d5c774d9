package io.lanes.platform.sample;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A row the sample resource creates, so tests can count what a request really wrote. */
@Entity
@Table(name = "platform_sample")
public class SampleRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;
}
