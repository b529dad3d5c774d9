package io.lanes.kpi.impact;

import java.time.Instant;

/** A published version of a matter type's playbook: what an impact compares. */
public record PlaybookVersion(int version, String publishedBy, Instant publishedAt) {}
