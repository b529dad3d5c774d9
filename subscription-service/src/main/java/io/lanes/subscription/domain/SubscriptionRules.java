package io.lanes.subscription.domain;

import io.lanes.contracts.EventType;
import io.lanes.contracts.matter.EscalationCause;
import io.lanes.contracts.matter.Severity;
import io.lanes.platform.domain.InvalidInput;
import io.lanes.platform.domain.Violation;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The shape of a subscription request: an absolute http(s) URL (https only where the firm requires
 * it), known escalation types, filter keys and values the events can carry, and sizes a delivery log
 * can show. Every broken field is named at once.
 */
public final class SubscriptionRules {

    static final int MAX_URL_LENGTH = 2048;
    static final int MAX_TYPES = EscalationTypes.ALL.size();
    static final int MAX_DESCRIPTION_LENGTH = 500;
    static final int MAX_FILTER_VALUE_LENGTH = 100;

    private final boolean requireHttps;

    public SubscriptionRules(boolean requireHttps) {
        this.requireHttps = requireHttps;
    }

    /** The spec of a request, or {@link InvalidInput} naming every field that is wrong. */
    public SubscriptionSpec spec(String url, List<String> types, Map<String, String> filter, String description) {
        List<Violation> violations = new ArrayList<>();
        URI target = url(url, violations);
        List<String> ceTypes = types(types, violations);
        DeliveryFilter deliveryFilter = filter(filter, "filter.", violations);
        if (description != null && description.length() > MAX_DESCRIPTION_LENGTH) {
            violations.add(new Violation("description", "at most " + MAX_DESCRIPTION_LENGTH + " characters", "size"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        return new SubscriptionSpec(target, ceTypes, deliveryFilter, blankToNull(description));
    }

    private URI url(String url, List<Violation> violations) {
        if (url == null || url.isBlank()) {
            violations.add(new Violation("url", "the endpoint's URL is required", "required"));
            return null;
        }
        if (url.length() > MAX_URL_LENGTH) {
            violations.add(new Violation("url", "at most " + MAX_URL_LENGTH + " characters", "size"));
            return null;
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            violations.add(new Violation("url", "not a URL: " + e.getReason(), "url"));
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
            violations.add(new Violation("url", "an absolute http or https URL with a host is required", "url"));
            return null;
        }
        if (requireHttps && !scheme.equals("https")) {
            violations.add(new Violation("url", "webhooks must use https", "https"));
            return null;
        }
        if (uri.getUserInfo() != null || uri.getFragment() != null) {
            violations.add(new Violation(
                    "url",
                    "credentials and fragments do not belong in a webhook URL; verify the signature instead",
                    "url"));
            return null;
        }
        return uri;
    }

    private static List<String> types(List<String> types, List<Violation> violations) {
        if (types == null || types.isEmpty()) {
            violations.add(new Violation("types", "name at least one event type, e.g. milestone-slipped", "required"));
            return List.of();
        }
        if (types.size() > MAX_TYPES) {
            violations.add(new Violation("types", "at most " + MAX_TYPES + " types", "size"));
            return List.of();
        }
        Set<String> ceTypes = new LinkedHashSet<>();
        for (int i = 0; i < types.size(); i++) {
            String name = types.get(i) == null ? "" : types.get(i).strip();
            var type = EscalationTypes.named(name);
            if (type.isEmpty()) {
                violations.add(new Violation(
                        "types[" + i + "]",
                        "unknown event type '" + name + "'; one of "
                                + EscalationTypes.ALL.stream()
                                        .map(EventType::eventName)
                                        .toList(),
                        "enum"));
            } else {
                ceTypes.add(type.get().ceType());
            }
        }
        return List.copyOf(ceTypes);
    }

    /**
     * What a live stream asks for, from its query parameters: {@code types} (none: every escalation
     * type) and the filter keys; {@link InvalidInput} naming each parameter that is wrong.
     */
    public Selection selection(List<String> types, Map<String, String> filter) {
        List<Violation> violations = new ArrayList<>();
        List<String> ceTypes = types == null || types.isEmpty()
                ? EscalationTypes.ALL.stream().map(EventType::ceType).toList()
                : types(types, violations);
        DeliveryFilter deliveryFilter = filter(filter, "", violations);
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        return new Selection(ceTypes, deliveryFilter);
    }

    /** Event types and a filter: which notices a reader wants. */
    public record Selection(List<String> types, DeliveryFilter filter) {

        public boolean matches(Notice notice) {
            return types.contains(notice.ceType()) && filter.matches(notice);
        }
    }

    private static DeliveryFilter filter(Map<String, String> filter, String prefix, List<Violation> violations) {
        if (filter == null || filter.isEmpty()) {
            return DeliveryFilter.ANY;
        }
        int before = violations.size();
        for (var entry : filter.entrySet()) {
            String field = prefix + entry.getKey();
            if (!DeliveryFilter.KEYS.contains(entry.getKey())) {
                violations.add(new Violation(field, "unknown filter; one of " + DeliveryFilter.KEYS, "unknown"));
            } else if (entry.getValue() == null || entry.getValue().isBlank()) {
                violations.add(
                        new Violation(field, "a value is required (leave the key out to match any)", "required"));
            } else if (entry.getValue().length() > MAX_FILTER_VALUE_LENGTH) {
                violations.add(new Violation(field, "at most " + MAX_FILTER_VALUE_LENGTH + " characters", "size"));
            }
        }
        String cause = filter.get("cause");
        if (cause != null
                && !cause.isBlank()
                && !names(EscalationCause.values()).contains(cause)) {
            violations.add(new Violation(
                    prefix + "cause", "unknown cause; one of " + names(EscalationCause.values()), "enum"));
        }
        String severity = filter.get("severity");
        if (severity != null && !severity.isBlank() && !names(Severity.values()).contains(severity)) {
            violations.add(
                    new Violation(prefix + "severity", "unknown severity; one of " + names(Severity.values()), "enum"));
        }
        if (violations.size() > before) {
            return DeliveryFilter.ANY;
        }
        return new DeliveryFilter(filter.get("matterType"), filter.get("team"), cause, severity);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
