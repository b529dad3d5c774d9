package io.lanes.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Mints RS256 bearer tokens signed with the DEVELOPMENT key pair of {@code deploy/local/dev-keys}.
 * Tests use it to act as a role; {@code deploy/local/token} runs {@link #main(String[])}. It needs
 * only the JDK, so the command starts instantly.
 */
public final class DevTokens {

    /** The issuer the services expect in development and tests ({@code mp.jwt.verify.issuer}). */
    public static final String ISSUER = "https://lanes.local/dev";

    private static final String PRIVATE_KEY = "io/lanes/testing/dev-keys/private.pem";
    private static final PrivateKey KEY = loadKey();

    private DevTokens() {}

    /** Every team: the teams claim of a development token unless one names its teams. */
    public static final List<String> EVERY_TEAM = List.of("*");

    /** A token for {@code user} holding the given roles, working for every team, valid for 12 hours. */
    public static String forUser(String user, String... roles) {
        return mint(user, List.of(roles), EVERY_TEAM, Duration.ofHours(12));
    }

    /** A token for {@code user} with one role, working only for {@code teams}. */
    public static String forTeams(String user, String role, String... teams) {
        return mint(user, List.of(role), List.of(teams), Duration.ofHours(12));
    }

    /** A token whose only role is {@code role}, for a user named after it. */
    public static String forRole(String role) {
        return forUser(role + ".user", role);
    }

    public static String mint(String user, Collection<String> roles, Duration validity) {
        return mint(user, roles, EVERY_TEAM, validity);
    }

    public static String mint(String user, Collection<String> roles, Collection<String> teams, Duration validity) {
        return sign("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", claims(user, roles, teams, validity, ""));
    }

    /**
     * The claims of a development token as a JSON object, with {@code more} (members such as
     * {@code ,"aud":"x"}, each after a comma) before its end.
     */
    static String claims(
            String user, Collection<String> roles, Collection<String> teams, Duration validity, String more) {
        Instant now = Instant.now();
        return "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + jsonEscape(user) + "\",\"upn\":\"" + jsonEscape(user)
                + "\",\"groups\":[" + jsonStrings(roles) + "],\"teams\":[" + jsonStrings(teams) + "],\"iat\":"
                + now.getEpochSecond() + ",\"exp\":"
                + now.plus(validity).getEpochSecond() + ",\"jti\":\"" + UUID.randomUUID() + "\"" + more + "}";
    }

    /** A JWS in compact form: this JOSE header and these claims, signed RS256 with the development key. */
    static String sign(String header, String claims) {
        String signingInput =
                base64(header.getBytes(StandardCharsets.UTF_8)) + "." + base64(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(KEY);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a development token", e);
        }
    }

    /** {@code token <role> [user] [hours] [teams]}: prints a development token; teams comma-separated, default every team. */
    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: token <intake|pm|ops|leadership|admin> [user] [hours] [team,team,...]");
            System.exit(2);
        }
        String role = args[0];
        String user = args.length > 1 ? args[1] : role + ".user";
        long hours = args.length > 2 ? Long.parseLong(args[2]) : 12;
        List<String> teams = args.length > 3 ? List.of(args[3].split(",")) : EVERY_TEAM;
        System.out.println(mint(user, List.of(role), teams, Duration.ofHours(hours)));
    }

    private static String jsonStrings(Collection<String> values) {
        return values.stream().map(v -> "\"" + jsonEscape(v) + "\"").collect(Collectors.joining(","));
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String jsonEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static PrivateKey loadKey() {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pem(PRIVATE_KEY)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the development private key is not PKCS#8 RSA", e);
        }
    }

    /** The DER bytes of a PEM file on the classpath (one of the development key pair). */
    static byte[] pem(String resource) {
        try (InputStream in = DevTokens.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return Base64.getDecoder()
                    .decode(new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                            .replaceAll("-----[A-Z ]+-----", "")
                            .replaceAll("\\s", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
