package io.lanes.kpi.persistence;

import io.lanes.contracts.IncomingEvent;
import io.lanes.kpi.readmodel.ReadModelRow;
import io.lanes.kpi.readmodel.ReadModelRows;
import io.lanes.kpi.readmodel.ReadModelWrites;
import io.lanes.kpi.readmodel.SqlStatement;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.regex.Pattern;
import org.hibernate.reactive.mutiny.Mutiny;

/** Writes a batch's facts and read-model rows in the consuming batch's transaction, in few statements. */
public final class FactStore {

    /** The fact projection's consumer name in eventstore's dedupe and progress tables. */
    public static final String CONSUMER = "kpi-facts";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$(\\d+)");

    private FactStore() {}

    public static Uni<Void> write(List<IncomingEvent> events) {
        List<ReadModelRow> rows =
                events.stream().flatMap(e -> ReadModelRows.of(e).stream()).toList();
        List<SqlStatement> statements = ReadModelWrites.of(rows, "");
        return Panache.getSession().chain(session -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (SqlStatement statement : statements) {
                chain = chain.chain(() -> execute(session, statement));
            }
            return chain;
        });
    }

    /** Hibernate numbers its parameters ?1, ?2 ... where the Vert.x client takes $1, $2 ...; each is a text[]. */
    private static Uni<Void> execute(Mutiny.Session session, SqlStatement statement) {
        Mutiny.MutationQuery query =
                session.createNativeQuery(PLACEHOLDER.matcher(statement.sql()).replaceAll("?$1"));
        for (int i = 0; i < statement.values().size(); i++) {
            query.setParameter(i + 1, statement.values().get(i));
        }
        return query.executeUpdate().replaceWithVoid();
    }
}
