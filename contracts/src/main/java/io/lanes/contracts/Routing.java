package io.lanes.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Where a matter goes: the team, and optionally the responsible attorney. A playbook's routing may also
 * carry {@code rules} (contract 1.1); a packet's routing is where the rules sent the matter, without them.
 */
public record Routing(String team, String responsibleAttorney, List<Rule> rules) {

    /** Routing without rules: a packet's, or a playbook's that routes every matter the same way. */
    public Routing(String team, String responsibleAttorney) {
        this(team, responsibleAttorney, null);
    }

    /**
     * Matters whose intake field {@code field} equals {@code value} (compared as text, so {@code true},
     * {@code FIXED_FEE} or {@code 250000}) go to {@code team} and its {@code responsibleAttorney}, if named.
     */
    public record Rule(String field, @JsonProperty("equals") String value, String team, String responsibleAttorney) {}

    /** Where a matter with these intake fields goes: the first rule that matches, else the default. */
    public Routing routeFor(Map<String, JsonNode> fields) {
        for (Rule rule : rules == null ? List.<Rule>of() : rules) {
            JsonNode value = fields.get(rule.field());
            if (value != null && !value.isNull() && value.asText().equals(rule.value())) {
                return new Routing(rule.team(), rule.responsibleAttorney());
            }
        }
        return new Routing(team, responsibleAttorney);
    }
}
