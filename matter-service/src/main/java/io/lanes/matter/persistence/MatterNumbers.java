package io.lanes.matter.persistence;

import io.lanes.matter.config.MatterConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;

/**
 * Issues matter numbers in the accepting transaction: the period's counter row is incremented and
 * locked until commit, so two replicas never issue one number, and a rolled-back acceptance leaves
 * no gap. A gap (a number skipped by a manual fix) breaks nothing: numbers are unique, not dense.
 */
@ApplicationScoped
public class MatterNumbers {

    private final String format;

    public MatterNumbers(MatterConfig config) {
        this.format = config.numberFormat();
    }

    public Uni<String> issue(LocalDate acceptedOn) {
        String period = String.format(format, acceptedOn, 0L);
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "INSERT INTO matter_number_counter (period, last_issued) VALUES (:period, 1) "
                                        + "ON CONFLICT (period) DO UPDATE SET last_issued = matter_number_counter.last_issued + 1 "
                                        + "RETURNING last_issued",
                                Long.class)
                        .setParameter("period", period)
                        .getSingleResult())
                .map(sequence -> String.format(format, acceptedOn, sequence));
    }
}
