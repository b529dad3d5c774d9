package io.lanes.matter.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One published playbook version, as received from legal operations. */
@Entity
@Table(name = "playbook_version")
@IdClass(PlaybookVersion.Key.class)
public class PlaybookVersion extends PanacheEntityBase {

    @Id
    @Column(name = "matter_type")
    public String matterType;

    @Id
    public int version;

    /** The JSON data of the playbook-published event. */
    public String body;

    /** Composite key: matter type and version. */
    public static class Key implements Serializable {
        public String matterType;
        public int version;

        public Key() {}

        public Key(String matterType, int version) {
            this.matterType = matterType;
            this.version = version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key && ((Key) o).version == version && Objects.equals(((Key) o).matterType, matterType);
        }

        @Override
        public int hashCode() {
            return Objects.hash(matterType, version);
        }
    }
}
