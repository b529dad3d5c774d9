package io.lanes.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DevTokensTest {

    @Test
    void tokenIsSignedWithTheDevelopmentKeyAndCarriesTheRoleAsGroup() throws Exception {
        String[] parts = DevTokens.forUser("p.patel", "pm").split("\\.");
        assertEquals(3, parts.length);

        String pem = new String(
                        getClass()
                                .getClassLoader()
                                .getResourceAsStream("io/lanes/testing/dev-keys/public.pem")
                                .readAllBytes(),
                        StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
        PublicKey key = KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(key);
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rsa.verify(Base64.getUrlDecoder().decode(parts[2])));

        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"groups\":[\"pm\"]"), claims);
        assertTrue(claims.contains("\"upn\":\"p.patel\""), claims);
        assertTrue(claims.contains("\"iss\":\"" + DevTokens.ISSUER + "\""), claims);
    }
}
