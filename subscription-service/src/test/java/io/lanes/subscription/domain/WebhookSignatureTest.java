package io.lanes.subscription.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    /** The example of the Standard Webhooks specification (its reference libraries test the same). */
    @Test
    void signsTheSpecificationsExample() {
        SigningSecret secret = new SigningSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

        String header = WebhookSignature.header("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, body, List.of(secret));

        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", header);
    }

    @Test
    void twoLiveSecretsGiveTwoSpaceSeparatedSignatures() {
        SigningSecret current = SigningSecret.generate(new SecureRandom());
        SigningSecret previous = SigningSecret.generate(new SecureRandom());
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

        String[] signatures = WebhookSignature.header("id", 1L, body, List.of(current, previous))
                .split(" ");

        assertEquals(2, signatures.length);
        assertEquals("v1," + WebhookSignature.sign(current, "id", 1L, body), signatures[0]);
        assertEquals("v1," + WebhookSignature.sign(previous, "id", 1L, body), signatures[1]);
    }

    @Test
    void aGeneratedSecretIsWhsecAndThirtyTwoRandomBytes() {
        SigningSecret secret = SigningSecret.generate(new SecureRandom());

        assertTrue(secret.value().startsWith("whsec_"));
        assertEquals(32, Base64.getDecoder().decode(secret.value().substring(6)).length);
        assertEquals(32, secret.key().length);
    }
}
