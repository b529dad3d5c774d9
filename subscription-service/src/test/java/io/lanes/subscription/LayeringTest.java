package io.lanes.subscription;

import io.lanes.testing.architecture.LayeringRules;
import org.junit.jupiter.api.Test;

/** The layering of docs/architecture.md holds for this module's production classes. */
class LayeringTest {

    @Test
    void packagesKeepTheirLayers() {
        LayeringRules.check("io.lanes.subscription");
    }
}
