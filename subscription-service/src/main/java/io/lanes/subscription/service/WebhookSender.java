package io.lanes.subscription.service;

import io.lanes.subscription.config.HooksConfig;
import io.lanes.subscription.domain.AttemptResult;
import io.lanes.subscription.domain.SigningSecret;
import io.lanes.subscription.domain.WebhookSignature;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.mutiny.ext.web.codec.BodyCodec;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sends one signed webhook (Standard Webhooks headers) and reports what came back. Non-blocking, so
 * an endpoint that hangs holds no thread; it has {@code lanes.hooks.timeout} to answer. Redirects are
 * not followed (a redirect could lead to an internal address), and the response body is not read.
 */
@ApplicationScoped
public class WebhookSender {

    public static final String USER_AGENT = "Lanes-Webhooks/1.0";

    private final WebClient client;
    private final Duration timeout;

    public WebhookSender(Vertx vertx, HooksConfig config) {
        this.timeout = config.timeout();
        this.client = WebClient.create(
                vertx,
                new WebClientOptions()
                        .setFollowRedirects(false)
                        .setUserAgent(USER_AGENT)
                        .setConnectTimeout((int) timeout.toMillis()));
    }

    /**
     * Posts one signed attempt; {@code traceparent} (the attempt's span, or null) lets a receiver that
     * traces continue the trace.
     */
    public Uni<AttemptResult> send(
            URI url, String webhookId, byte[] body, List<SigningSecret> secrets, Instant now, String traceparent) {
        long timestamp = now.getEpochSecond();
        HttpRequest<Void> request = client.postAbs(url.toString())
                .putHeader(HttpHeaders.CONTENT_TYPE.toString(), "application/json")
                .putHeader("webhook-id", webhookId)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", WebhookSignature.header(webhookId, timestamp, body, secrets))
                .timeout(timeout.toMillis())
                .as(BodyCodec.none());
        if (traceparent != null) {
            request.putHeader("traceparent", traceparent);
        }
        return request.sendBuffer(Buffer.buffer(body))
                .ifNoItem()
                .after(timeout)
                .fail()
                .map(response -> AttemptResult.answered(response.statusCode(), response.statusMessage()))
                .onFailure()
                .recoverWithItem(failure -> AttemptResult.unanswered(describe(failure)));
    }

    private String describe(Throwable failure) {
        if (failure instanceof io.smallrye.mutiny.TimeoutException
                || failure instanceof java.util.concurrent.TimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
