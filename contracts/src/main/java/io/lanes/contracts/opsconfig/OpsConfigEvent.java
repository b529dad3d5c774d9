package io.lanes.contracts.opsconfig;

import io.lanes.contracts.LanesEvent;

/** Events of the playbook aggregate, published on {@code lanes.ops-config.v1} (every version) keyed by matterType. */
public sealed interface OpsConfigEvent extends LanesEvent permits PlaybookPublished {

    String matterType();

    @Override
    default String aggregateId() {
        return matterType();
    }
}
