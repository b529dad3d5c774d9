package io.lanes.subscription;

import io.lanes.testing.LanesInfraResource;
import io.lanes.testing.ServiceConventions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(LanesInfraResource.class)
class SubscriptionServiceConventionsTest extends ServiceConventions {}
