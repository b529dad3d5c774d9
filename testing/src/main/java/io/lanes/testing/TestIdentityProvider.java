package io.lanes.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A firm's OpenID Connect provider for tests, on 127.0.0.1: discovery, its signing key (JWKS), an
 * authorization endpoint that signs in whoever the test named (no login page) and a token endpoint that
 * redeems each code once, for its client only, for an ID token and an access token. Both are signed with
 * the development key under {@link DevTokens#ISSUER}, so the access token is the bearer token Lanes'
 * APIs already trust, roles in {@code groups}.
 */
public final class TestIdentityProvider implements AutoCloseable {

    public static final String CLIENT_ID = "lanes-dashboard";
    public static final String CLIENT_SECRET = "test-client-secret-of-at-least-32-characters";
    private static final String KEY_ID = "lanes-dev";
    private static final String PUBLIC_KEY = "io/lanes/testing/dev-keys/public.pem";

    private record SignIn(String user, String role) {}

    private record Grant(SignIn who, String redirectUri, String nonce) {}

    private final HttpServer server;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private volatile SignIn next;

    private TestIdentityProvider(HttpServer server) {
        this.server = server;
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/jwks", exchange -> answer(exchange, 200, jwks()));
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
    }

    public static TestIdentityProvider start() {
        try {
            return new TestIdentityProvider(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL an application names as its provider (e.g. quarkus.oidc.auth-server-url). */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Who the next visit to the authorization endpoint signs in, with one role, working for every team. */
    public void signInAs(String user, String role) {
        next = new SignIn(user, role);
    }

    private void discovery(HttpExchange exchange) throws IOException {
        answer(
                exchange,
                200,
                "{\"issuer\":\"" + DevTokens.ISSUER + "\",\"authorization_endpoint\":\"" + url()
                        + "/authorize\",\"token_endpoint\":\"" + url() + "/token\",\"jwks_uri\":\"" + url()
                        + "/jwks\",\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
                        + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}");
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        SignIn who = next;
        if (!CLIENT_ID.equals(query.get("client_id")) || !"code".equals(query.get("response_type")) || who == null) {
            answer(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(who, query.get("redirect_uri"), query.get("nonce")));
        String back = query.get("redirect_uri") + (query.get("redirect_uri").contains("?") ? "&" : "?") + "code=" + code
                + "&state=" + URLEncoder.encode(query.getOrDefault("state", ""), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Location", back);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Grant grant = codes.remove(body.getOrDefault("code", ""));
        if (!clientAuthenticated(exchange, body)) {
            answer(exchange, 401, "{\"error\":\"invalid_client\"}");
        } else if (grant == null
                || !"authorization_code".equals(body.get("grant_type"))
                || !grant.redirectUri().equals(body.get("redirect_uri"))) {
            answer(exchange, 400, "{\"error\":\"invalid_grant\"}");
        } else {
            String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + KEY_ID + "\"}";
            List<String> roles = List.of(grant.who().role());
            Duration validity = Duration.ofMinutes(30);
            String idToken = DevTokens.sign(
                    header,
                    DevTokens.claims(
                            grant.who().user(),
                            roles,
                            DevTokens.EVERY_TEAM,
                            validity,
                            ",\"aud\":\"" + CLIENT_ID + "\""
                                    + (grant.nonce() == null ? "" : ",\"nonce\":\"" + grant.nonce() + "\"")));
            String accessToken = DevTokens.sign(
                    header, DevTokens.claims(grant.who().user(), roles, DevTokens.EVERY_TEAM, validity, ""));
            answer(
                    exchange,
                    200,
                    "{\"access_token\":\"" + accessToken + "\",\"id_token\":\"" + idToken
                            + "\",\"token_type\":\"Bearer\",\"expires_in\":" + validity.toSeconds() + "}");
        }
    }

    /** client_secret_basic or client_secret_post, whichever the client chose. */
    private static boolean clientAuthenticated(HttpExchange exchange, Map<String, String> body) {
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        if (basic != null && basic.startsWith("Basic ")) {
            String[] credentials =
                    new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8).split(":", 2);
            return credentials.length == 2
                    && CLIENT_ID.equals(URLDecoder.decode(credentials[0], StandardCharsets.UTF_8))
                    && CLIENT_SECRET.equals(URLDecoder.decode(credentials[1], StandardCharsets.UTF_8));
        }
        return CLIENT_ID.equals(body.get("client_id")) && CLIENT_SECRET.equals(body.get("client_secret"));
    }

    private static String jwks() {
        try {
            RSAPublicKey key = (RSAPublicKey)
                    KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(DevTokens.pem(PUBLIC_KEY)));
            return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + KEY_ID + "\",\"n\":\""
                    + unsigned(key.getModulus()) + "\",\"e\":\"" + unsigned(key.getPublicExponent()) + "\"}]}";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the development public key is not X.509 RSA", e);
        }
    }

    /** A JWK integer: big-endian, no sign byte, base64url. */
    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String pair : encoded.split("&")) {
                String[] nameValue = pair.split("=", 2);
                values.put(
                        URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                        nameValue.length == 2 ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "");
            }
        }
        return values;
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
