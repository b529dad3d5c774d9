package io.lanes.subscription.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A webhook subscription: its owner's endpoint, the event types and filter it wants, and the secrets
 * its deliveries are signed with. Disabled, it receives nothing until its owner enables it again.
 */
public record Subscription(
        UUID id,
        String owner,
        SubscriptionSpec spec,
        Status status,
        String disabledReason,
        SigningSecret secret,
        SigningSecret previousSecret,
        Instant previousSecretUntil,
        Instant createdAt) {

    public enum Status {
        ACTIVE,
        DISABLED,
        DELETED
    }

    public static final Subscription NONE = new Subscription(null, null, null, null, null, null, null, null, null);

    public boolean exists() {
        return id != null && status != Status.DELETED;
    }

    /** The secrets that sign at {@code now}: the current one, and the previous one for a while after a rotation. */
    public List<SigningSecret> liveSecrets(Instant now) {
        return SigningSecret.live(secret, previousSecret, previousSecretUntil, now);
    }

    /**
     * Whether the notice goes to this subscription: it is active, wants the type and passes the filter,
     * its owner is not screened from the matter, and (for live delivery) it existed when the event happened.
     */
    public boolean wants(Notice notice, Set<String> screened, boolean onlyLaterEvents) {
        return status == Status.ACTIVE
                && spec.types().contains(notice.ceType())
                && spec.filter().matches(notice)
                && !screened.contains(owner)
                && (!onlyLaterEvents || !notice.occurredAt().isBefore(createdAt));
    }

    Subscription with(SubscriptionSpec newSpec) {
        return new Subscription(
                id, owner, newSpec, status, disabledReason, secret, previousSecret, previousSecretUntil, createdAt);
    }

    Subscription with(Status newStatus, String reason) {
        return new Subscription(
                id, owner, spec, newStatus, reason, secret, previousSecret, previousSecretUntil, createdAt);
    }

    Subscription rotated(SigningSecret newSecret, Instant previousUntil) {
        return new Subscription(id, owner, spec, status, disabledReason, newSecret, secret, previousUntil, createdAt);
    }
}
