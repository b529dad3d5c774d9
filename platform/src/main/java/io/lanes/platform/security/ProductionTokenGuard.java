package io.lanes.platform.security;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.SmallRyeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Refuses to start a service in the {@code prod} profile unless its token settings trust a real
 * identity provider ({@link TokenTrust}): an issuer, a key and an audience of its own, never the
 * development ones. A wrong setting stops the rollout instead of letting anyone with the repository
 * mint an admin token.
 */
@ApplicationScoped
public class ProductionTokenGuard {

    private static final Logger LOG = Logger.getLogger(ProductionTokenGuard.class);
    static final String ISSUER = "mp.jwt.verify.issuer";
    static final String KEY = "mp.jwt.verify.publickey";
    static final String KEY_LOCATION = "mp.jwt.verify.publickey.location";
    static final String AUDIENCES = "mp.jwt.verify.audiences";

    void onStart(@Observes StartupEvent start, Config config) {
        if (!config.unwrap(SmallRyeConfig.class).getProfiles().contains("prod")) {
            return;
        }
        List<String> problems = TokenTrust.problems(settings(config));
        if (!problems.isEmpty()) {
            String message = "Refusing to start in the prod profile: " + String.join("; ", problems)
                    + ". For a local run use the local profile (QUARKUS_PROFILE=local).";
            LOG.error(message);
            throw new IllegalStateException(message);
        }
    }

    static TokenTrust.Settings settings(Config config) {
        Optional<String> inline = config.getOptionalValue(KEY, String.class);
        Optional<String> location = config.getOptionalValue(KEY_LOCATION, String.class);
        Optional<String> keyText = inline.isPresent() ? inline : location.flatMap(ProductionTokenGuard::read);
        return new TokenTrust.Settings(
                config.getOptionalValue(ISSUER, String.class),
                keyText,
                inline.isPresent() || location.isPresent(),
                config.getOptionalValue(AUDIENCES, String.class));
    }

    /** A file or classpath key's text; empty for a URL (an identity provider's JWKS endpoint). */
    private static Optional<String> read(String location) {
        if (location.startsWith("http://") || location.startsWith("https://")) {
            return Optional.empty();
        }
        String path = location.startsWith("file:") ? location.substring("file:".length()) : location;
        try {
            if (Files.isReadable(Path.of(path))) {
                return Optional.of(Files.readString(Path.of(path)));
            }
            try (InputStream in = Thread.currentThread()
                    .getContextClassLoader()
                    .getResourceAsStream(
                            path.startsWith("classpath:") ? path.substring("classpath:".length()) : path)) {
                return in == null
                        ? Optional.empty()
                        : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
