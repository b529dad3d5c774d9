package io.lanes.opsconfig;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stands in for matter-service's {@code POST /replays} in ops-config-service's tests: it keeps the last
 * request and answers what the test set. matter-service's own tests prove the replay; the system tests
 * run the two together.
 */
public class MatterServiceStub implements QuarkusTestResourceLifecycleManager {

    /** What the stub answers next. */
    record Answer(int status, String contentType, String body, String retryAfter) {}

    /** The request it last received. */
    record Received(String authorization, String body) {}

    static final AtomicReference<Answer> ANSWER =
            new AtomicReference<>(new Answer(200, "application/json", "{}", null));
    static final AtomicReference<Received> RECEIVED = new AtomicReference<>();
    private static HttpServer server;
    private static int port;

    @Override
    public Map<String, String> start() {
        listen(0);
        port = server.getAddress().getPort();
        return Map.of("lanes.links.matter-service", "http://127.0.0.1:" + port);
    }

    @Override
    public void stop() {
        server.stop(0);
    }

    /** matter-service down: nothing listens on its port. */
    static void down() {
        server.stop(0);
    }

    static void up() {
        listen(port);
    }

    private static void listen(int onPort) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/replays", exchange -> {
            RECEIVED.set(new Received(
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            Answer answer = ANSWER.get();
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().set("Retry-After", answer.retryAfter());
            }
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }
}
