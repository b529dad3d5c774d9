package io.lanes.intake.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.lanes.contracts.EventJson;
import io.lanes.contracts.opsconfig.PlaybookPublished;
import io.lanes.intake.persistence.LocalPlaybook;
import io.lanes.platform.problem.FieldError;
import io.lanes.platform.problem.ProblemException;
import io.lanes.platform.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The playbooks intake validates against: the latest version per matter type, kept from
 * {@code lanes.ops-config.v1} in this service's own database.
 */
@ApplicationScoped
public class PlaybookCatalog {

    /** The parsed latest playbook per matter type, as last read; the database says which version is latest. */
    private final Map<String, PlaybookPublished> parsed = new ConcurrentHashMap<>();

    /** The latest playbook, or a 422 that names the matter types that have one. In the caller's session. */
    public Uni<PlaybookPublished> latest(String matterType) {
        PlaybookPublished held = parsed.get(matterType);
        return LocalPlaybook.latest(matterType, held == null ? -1 : held.version())
                .chain(found -> {
                    if (found == null) {
                        return unknown(matterType);
                    }
                    if (held != null && found.version() == held.version()) {
                        return Uni.createFrom().item(held);
                    }
                    PlaybookPublished playbook = read(found.body());
                    parsed.put(matterType, playbook);
                    return Uni.createFrom().item(playbook);
                });
    }

    private static Uni<PlaybookPublished> unknown(String matterType) {
        return LocalPlaybook.<LocalPlaybook>listAll().map(all -> {
            List<String> known = all.stream().map(p -> p.matterType).sorted().collect(Collectors.toList());
            throw new ProblemException(
                    ProblemType.UNPROCESSABLE,
                    "No playbook for matter type " + matterType + "; legal operations has published playbooks for "
                            + known,
                    List.of(new FieldError("matterType", "unknown matter type; known: " + known, "unknown")),
                    Map.of("knownMatterTypes", known));
        });
    }

    /** Keeps a published version if it is newer than the one held. In the caller's transaction. */
    public Uni<Void> remember(PlaybookPublished published) {
        return LocalPlaybook.<LocalPlaybook>findById(published.matterType()).chain(held -> {
            if (held != null && held.version >= published.version()) {
                return Uni.createFrom().voidItem();
            }
            LocalPlaybook playbook = held != null ? held : new LocalPlaybook();
            playbook.matterType = published.matterType();
            playbook.version = published.version();
            playbook.body = new String(EventJson.write(published), java.nio.charset.StandardCharsets.UTF_8);
            playbook.publishedAt = published.occurredAt();
            return playbook.persist().replaceWithVoid();
        });
    }

    private static PlaybookPublished read(String body) {
        try {
            return EventJson.mapper().readValue(body, PlaybookPublished.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored playbook is unreadable", e);
        }
    }
}
