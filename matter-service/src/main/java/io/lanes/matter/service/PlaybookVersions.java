package io.lanes.matter.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.lanes.contracts.EventJson;
import io.lanes.contracts.opsconfig.PlaybookPublished;
import io.lanes.matter.persistence.PlaybookVersion;
import io.lanes.platform.problem.ProblemException;
import io.lanes.platform.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;

/** Every playbook version legal operations published, kept from {@code lanes.ops-config.v1}. */
@ApplicationScoped
public class PlaybookVersions {

    /** The version a handoff packet was validated against; 422 while it has not arrived yet. Caller's session. */
    public Uni<PlaybookPublished> version(String matterType, int version) {
        return PlaybookVersion.<PlaybookVersion>findById(new PlaybookVersion.Key(matterType, version))
                .map(found -> {
                    if (found == null) {
                        throw new ProblemException(
                                ProblemType.UNPROCESSABLE,
                                "Playbook " + matterType + " version " + version
                                        + " has not reached matter-service yet; retry shortly");
                    }
                    try {
                        return EventJson.mapper().readValue(found.body, PlaybookPublished.class);
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("stored playbook is unreadable", e);
                    }
                });
    }

    /** Keeps a published version (once). Caller's transaction. */
    public Uni<Void> remember(PlaybookPublished published) {
        return PlaybookVersion.<PlaybookVersion>findById(
                        new PlaybookVersion.Key(published.matterType(), published.version()))
                .chain(found -> {
                    if (found != null) {
                        return Uni.createFrom().voidItem();
                    }
                    PlaybookVersion row = new PlaybookVersion();
                    row.matterType = published.matterType();
                    row.version = published.version();
                    row.body = new String(EventJson.write(published), StandardCharsets.UTF_8);
                    return row.persist().replaceWithVoid();
                });
    }
}
