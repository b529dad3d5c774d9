package io.lanes.subscription.domain;

import java.net.URI;
import java.util.List;

/** What a subscription asks for: where to deliver, which event types ({@code ce_type}s), which of them, and a note. */
public record SubscriptionSpec(URI url, List<String> types, DeliveryFilter filter, String description) {

    public SubscriptionSpec {
        types = List.copyOf(types);
        filter = filter == null ? DeliveryFilter.ANY : filter;
    }
}
