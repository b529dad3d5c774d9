package io.lanes.contracts;

/** Where a matter goes: the team, and optionally the responsible attorney. Set by the playbook. */
public record Routing(String team, String responsibleAttorney) {}
