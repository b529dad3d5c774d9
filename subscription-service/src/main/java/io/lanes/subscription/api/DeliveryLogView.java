package io.lanes.subscription.api;

import io.lanes.subscription.persistence.Deliveries;
import java.util.List;

/** A page of a subscription's delivery log, newest event first. */
public record DeliveryLogView(int page, int size, long total, List<Deliveries.Entry> items) {}
