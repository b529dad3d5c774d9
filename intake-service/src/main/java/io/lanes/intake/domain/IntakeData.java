package io.lanes.intake.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.lanes.contracts.intake.IntakeComplete.ChecklistEntry;
import io.lanes.contracts.intake.IntakeComplete.Client;
import io.lanes.contracts.intake.IntakeComplete.KeyDate;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What intake staff capture about a new matter, with the names of {@code intake-complete}. Values of
 * {@code fields} are JSON scalars; the playbook says which are required and of which type.
 */
public record IntakeData(
        String matterType,
        Client client,
        String matterName,
        Map<String, JsonNode> fields,
        List<ChecklistEntry> checklist,
        List<KeyDate> keyDates,
        BigDecimal estimatedBudget,
        String currency) {}
