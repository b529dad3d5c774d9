package io.lanes.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lanes.platform.security.TokenTrust;
import io.lanes.platform.security.TokenTrust.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What production refuses to trust: the development issuer and key, or no issuer, key or audience. */
class TokenTrustTest {

    private static final Optional<String> ISSUER = Optional.of("https://login.firm.example/realms/lanes");
    private static final Optional<String> AUDIENCE = Optional.of("lanes");

    @Test
    void aFirmsOwnIssuerKeyAndAudienceAreTrusted() throws NoSuchAlgorithmException {
        assertEquals(List.of(), TokenTrust.problems(new Settings(ISSUER, Optional.of(otherKey()), true, AUDIENCE)));
    }

    @Test
    void aJwksUrlIsTrustedWithoutReadingIt() {
        assertEquals(List.of(), TokenTrust.problems(new Settings(ISSUER, Optional.empty(), true, AUDIENCE)));
    }

    @Test
    void theDevelopmentKeyIsRefusedWhateverItsLayout() {
        String devKey = devPem();
        assertProblem(new Settings(ISSUER, Optional.of(devKey), true, AUDIENCE), "development key");
        assertProblem(
                new Settings(ISSUER, Optional.of(devKey.replace("\n", "\r\n") + "\n\n"), true, AUDIENCE),
                "development key");
    }

    @Test
    void aJwksHoldingTheDevelopmentKeyIsRefused() {
        String jwks =
                "{\"keys\":[{\"kty\":\"RSA\",\"e\":\"AQAB\",\"n\":\"tc2SuUgOFY9jn1Ap4g2sfEm0Gx676l87QXYz2dEa5w7m3x4-rest\"}]}";
        assertProblem(new Settings(ISSUER, Optional.of(jwks), true, AUDIENCE), "development key");
    }

    @Test
    void theDevelopmentIssuerIsRefused() {
        assertProblem(
                new Settings(Optional.of(TokenTrust.DEV_ISSUER), Optional.empty(), true, AUDIENCE),
                "development issuer");
    }

    @Test
    void missingIssuerKeyAndAudienceAreEachNamed() {
        List<String> problems =
                TokenTrust.problems(new Settings(Optional.empty(), Optional.empty(), false, Optional.empty()));
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("MP_JWT_VERIFY_ISSUER"));
        assertTrue(problems.get(1).contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION"));
        assertTrue(problems.get(2).contains("MP_JWT_VERIFY_AUDIENCES"));
    }

    /** The development public key, read from the file the local run uses. */
    static String devPem() {
        try {
            return Files.readString(Path.of("..", "deploy", "local", "dev-keys", "public.pem"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String otherKey() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder()
                        .encodeToString(generator.generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static void assertProblem(Settings settings, String expected) {
        List<String> problems = TokenTrust.problems(settings);
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), problems.toString());
    }
}
