package io.lanes.platform.security;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Whether the token settings of a production run trust a real identity provider. The development key
 * pair's private half is in the repository (deploy/local/dev-keys), so anyone could mint an admin
 * token a service trusting it would accept: production must name its own issuer, key and audience,
 * and never the development ones. Pure, so every rule is a unit test.
 */
public final class TokenTrust {

    /** The issuer of development tokens ({@code deploy/local/token}). */
    public static final String DEV_ISSUER = "https://lanes.local/dev";
    /** SHA-256 of the development public key's DER (SubjectPublicKeyInfo): the key, whatever its PEM layout. */
    public static final String DEV_KEY_FINGERPRINT = "cf22271348c0d3e1edfa77cfbc6b83e543395dfc814c1fee59a36499c8b048ad";
    /** The start of the development key's modulus in base64url, as a JWKS's {@code n} carries it. */
    static final String DEV_KEY_MODULUS_PREFIX = "tc2SuUgOFY9jn1Ap4g2sfEm0Gx676l87QXYz2dEa5w7m3x4-";

    /**
     * The configured trust, as MicroProfile JWT names it.
     *
     * @param issuer    {@code mp.jwt.verify.issuer}
     * @param keyPem    the verification key's text when it is a PEM or JWKS the service can read (from
     *                  {@code mp.jwt.verify.publickey} or a local {@code ...publickey.location}); empty
     *                  when the location is a URL (an identity provider's JWKS endpoint)
     * @param keyConfigured whether any key or key location is set
     * @param audiences {@code mp.jwt.verify.audiences}
     */
    public record Settings(
            Optional<String> issuer, Optional<String> keyPem, boolean keyConfigured, Optional<String> audiences) {}

    private TokenTrust() {}

    /** What is wrong with {@code settings} for production; empty when nothing is. */
    public static List<String> problems(Settings settings) {
        List<String> problems = new ArrayList<>();
        if (settings.issuer().isEmpty()) {
            problems.add("no token issuer: set MP_JWT_VERIFY_ISSUER to your identity provider's issuer");
        } else if (DEV_ISSUER.equals(settings.issuer().get().strip())) {
            problems.add("the development issuer " + DEV_ISSUER + " is not trusted in production");
        }
        if (!settings.keyConfigured()) {
            problems.add("no verification key: set MP_JWT_VERIFY_PUBLICKEY_LOCATION (a PEM file or a JWKS URL)");
        } else if (settings.keyPem().map(TokenTrust::isDevKey).orElse(false)) {
            problems.add("the verification key is the development key (sha256 " + DEV_KEY_FINGERPRINT
                    + "), whose private half is public");
        }
        if (settings.audiences().isEmpty()) {
            problems.add("no audience: set MP_JWT_VERIFY_AUDIENCES to the audience your identity provider puts in "
                    + "Lanes' tokens");
        }
        return problems;
    }

    /** Whether a key text (a PEM public key, or a JWKS) holds the development public key. */
    static boolean isDevKey(String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        if (!pem.contains("BEGIN PUBLIC KEY") || body.isEmpty()) {
            return pem.replaceAll("\\s", "").contains(DEV_KEY_MODULUS_PREFIX);
        }
        try {
            byte[] der = Base64.getDecoder().decode(body);
            return DEV_KEY_FINGERPRINT.equals(HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(der)));
        } catch (IllegalArgumentException e) {
            return false;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
