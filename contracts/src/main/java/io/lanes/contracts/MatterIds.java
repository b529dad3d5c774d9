package io.lanes.contracts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * matterId = UUID v5 (RFC 9562, SHA-1) of the intakeId in a fixed namespace, so the same handoff
 * packet can never open two matters and any consumer can compute the id itself.
 */
public final class MatterIds {

    /** The namespace of matter ids; part of the contract, never to change. */
    public static final UUID NAMESPACE = UUID.fromString("5b0e6c1c-8f3a-4d4e-9a51-2f1d9c0b7e42");

    private MatterIds() {}

    public static UUID fromIntake(UUID intakeId) {
        return nameBased(NAMESPACE, intakeId.toString());
    }

    static UUID nameBased(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JVM", e);
        }
        sha1.update(ByteBuffer.allocate(16)
                .putLong(namespace.getMostSignificantBits())
                .putLong(namespace.getLeastSignificantBits())
                .array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}
