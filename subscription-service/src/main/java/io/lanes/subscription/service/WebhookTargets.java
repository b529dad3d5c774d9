package io.lanes.subscription.service;

import io.lanes.platform.domain.InvalidInput;
import io.lanes.platform.domain.Violation;
import io.lanes.subscription.config.HooksConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Where webhooks may point (SSRF): in production never at this network's own addresses, whatever name
 * is used for them: loopback, link-local (the cloud metadata service), private and unique-local
 * ranges, the unspecified and multicast addresses. Checked when a URL is saved and again before each
 * attempt (DNS may change). Locally and in tests any address is allowed, so a receiver on 127.0.0.1 works.
 * Resolving is blocking: call it off the event loop.
 */
@ApplicationScoped
public class WebhookTargets {

    private final boolean allowPrivateAddresses;

    @Inject
    public WebhookTargets(HooksConfig config) {
        this(config.allowPrivateAddresses());
    }

    WebhookTargets(boolean allowPrivateAddresses) {
        this.allowPrivateAddresses = allowPrivateAddresses;
    }

    /** Why the URL may not be called, if it may not; resolves its host. */
    public Optional<String> refusal(URI url) {
        if (allowPrivateAddresses) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(url.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("the host " + url.getHost() + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (internal(address)) {
                return Optional.of(url.getHost() + " is an internal address (" + address.getHostAddress()
                        + "); webhooks go to the internet only");
            }
        }
        return Optional.empty();
    }

    /**
     * As {@link #refusal}, resolving on a worker thread and answering on the caller's Vert.x context
     * (where its reactive session lives).
     */
    public Uni<Optional<String>> refusalOffTheEventLoop(URI url) {
        if (allowPrivateAddresses) {
            return Uni.createFrom().item(Optional.empty());
        }
        Context context = Vertx.currentContext();
        Uni<Optional<String>> resolved =
                Uni.createFrom().item(() -> refusal(url)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return context == null ? resolved : resolved.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    /** As {@link #refusalOffTheEventLoop}, a refusal answered as a 400 naming the field. */
    public Uni<Void> requireAllowed(URI url) {
        return refusalOffTheEventLoop(url)
                .invoke(refusal -> refusal.ifPresent(reason -> {
                    throw new InvalidInput(List.of(new Violation("url", reason, "address")));
                }))
                .replaceWithVoid();
    }

    static boolean internal(InetAddress address) {
        return address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isAnyLocalAddress()
                || address.isMulticastAddress()
                || uniqueLocal(address)
                || sharedOrBenchmark(address);
    }

    /** fc00::/7, the IPv6 private range (Java's isSiteLocal only knows the deprecated fec0::/10). */
    private static boolean uniqueLocal(InetAddress address) {
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
    }

    /** 100.64.0.0/10 (carrier-grade NAT, also used inside clusters) and 0.0.0.0/8. */
    private static boolean sharedOrBenchmark(InetAddress address) {
        byte[] b = address.getAddress();
        return b.length == 4 && ((b[0] == 100 && (b[1] & 0xc0) == 64) || b[0] == 0);
    }
}
