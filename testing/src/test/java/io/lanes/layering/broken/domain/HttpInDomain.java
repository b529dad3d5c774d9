package io.lanes.layering.broken.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A domain class that reaches for a framework type: the misplaced import the rule must catch. */
@RegisterForReflection
public final class HttpInDomain {}
