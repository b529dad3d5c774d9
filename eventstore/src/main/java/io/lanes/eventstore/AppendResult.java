package io.lanes.eventstore;

import java.util.List;

/**
 * What an append wrote: the stream's new version and the stored events. {@code replayed} is true
 * when every event id was already stored, so nothing was written again.
 */
public record AppendResult(String streamId, long version, List<StoredEvent> events, boolean replayed) {}
