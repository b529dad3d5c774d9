package io.lanes.intake.persistence;

import io.lanes.eventstore.SessionConnection;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
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

    /** The latest version of a matter type's playbook, with its body unless the caller holds that version. */
    public record Latest(int version, String body) {}

    /**
     * The latest version of {@code matterType}'s playbook (null when none is known), in the caller's
     * session; its body only when it is not {@code heldVersion}, so a caller that keeps the parsed
     * playbook reads and parses it once per version, not once per request.
     */
    public static Uni<Latest> latest(String matterType, int heldVersion) {
        return SessionConnection.select(
                        "SELECT version, CASE WHEN version = $2 THEN NULL ELSE body END FROM local_playbook "
                                + "WHERE matter_type = $1",
                        matterType,
                        heldVersion)
                .map(rows -> rows.isEmpty()
                        ? null
                        : new Latest(((Number) rows.get(0)[0]).intValue(), (String) rows.get(0)[1]));
    }
}
