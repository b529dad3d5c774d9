package io.lanes.subscription.domain;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A Standard Webhooks signing secret: {@code whsec_} and the base64 of 32 random bytes. The bytes, not
 * the string, are the HMAC key.
 */
public record SigningSecret(String value) {

    private static final String PREFIX = "whsec_";
    private static final int BYTES = 32;

    public SigningSecret {
        Objects.requireNonNull(value, "value");
    }

    public static SigningSecret generate(SecureRandom random) {
        byte[] key = new byte[BYTES];
        random.nextBytes(key);
        return new SigningSecret(PREFIX + Base64.getEncoder().encodeToString(key));
    }

    /** The secrets that sign at {@code now}: the current one, and the previous one until {@code previousUntil}. */
    public static List<SigningSecret> live(
            SigningSecret current, SigningSecret previous, Instant previousUntil, Instant now) {
        return previous != null && now.isBefore(previousUntil) ? List.of(current, previous) : List.of(current);
    }

    public byte[] key() {
        if (!value.startsWith(PREFIX)) {
            throw new IllegalStateException("a signing secret starts with " + PREFIX);
        }
        return Base64.getDecoder().decode(value.substring(PREFIX.length()));
    }

    @Override
    public String toString() {
        return PREFIX + "…";
    }
}
