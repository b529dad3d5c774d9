package io.lanes.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of the current request, read from its bearer token: the name, the roles and the teams
 * claim ({@code lanes.security.teams-claim}, default {@code teams}: a JSON array of team names or one
 * name). A token without the claim works for no team: matter access fails closed.
 */
@ApplicationScoped
public class Callers {

    private final SecurityIdentity identity;
    private final String teamsClaim;

    public Callers(
            SecurityIdentity identity,
            @ConfigProperty(name = "lanes.security.teams-claim", defaultValue = "teams") String teamsClaim) {
        this.identity = identity;
        this.teamsClaim = teamsClaim;
    }

    public Caller current() {
        Set<String> teams =
                identity.getPrincipal() instanceof JsonWebToken token ? teams(token.getClaim(teamsClaim)) : Set.of();
        return new Caller(identity.getPrincipal().getName(), identity.getRoles(), teams);
    }

    private static Set<String> teams(Object claim) {
        if (claim instanceof Collection<?> names) {
            return names.stream()
                    .map(name -> name instanceof JsonString json ? json.getString() : String.valueOf(name))
                    .collect(Collectors.toSet());
        }
        if (claim instanceof JsonString json) {
            return Set.of(json.getString());
        }
        return claim instanceof String name ? Set.of(name) : Set.of();
    }
}
