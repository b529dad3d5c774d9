package io.lanes.opsconfig.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.lanes.contracts.EventJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed between two playbook versions, as ops reads a change log: items of the keyed lists
 * (fields, checklist, milestones, task templates, budget phases) are matched by their key, not their position, so a
 * re-ordered list shows no change and an inserted field shows as one addition.
 */
public final class PlaybookDiff {

    /** Identifying member of the items of each list. */
    private static final Map<String, String> LIST_KEYS = Map.of(
            "requiredFields",
            "key",
            "checklist",
            "key",
            "milestones",
            "templateKey",
            "taskTemplates",
            "templateKey",
            "budgetPhases",
            "code");

    public enum Kind {
        ADDED,
        REMOVED,
        CHANGED
    }

    /** One change; {@code path} like {@code milestones[pleadings].offsetDays} or {@code thresholds.slipGraceDays}. */
    public record Change(String path, Kind kind, JsonNode before, JsonNode after) {}

    private PlaybookDiff() {}

    public static List<Change> between(PlaybookContent before, PlaybookContent after) {
        List<Change> changes = new ArrayList<>();
        compare("", EventJson.mapper().valueToTree(before), EventJson.mapper().valueToTree(after), null, changes);
        return changes;
    }

    private static void compare(String path, JsonNode before, JsonNode after, String listName, List<Change> changes) {
        if (before == null || before.isNull() || before.isMissingNode()) {
            if (after != null && !after.isNull() && !after.isMissingNode()) {
                changes.add(new Change(path, Kind.ADDED, null, after));
            }
            return;
        }
        if (after == null || after.isNull() || after.isMissingNode()) {
            changes.add(new Change(path, Kind.REMOVED, before, null));
            return;
        }
        if (before.isObject() && after.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            before.fieldNames().forEachRemaining(names::add);
            after.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                compare(path.isEmpty() ? name : path + "." + name, before.get(name), after.get(name), name, changes);
            }
        } else if (before.isArray() && after.isArray() && LIST_KEYS.containsKey(listName)) {
            Map<String, JsonNode> was = byKey(before, LIST_KEYS.get(listName));
            Map<String, JsonNode> is = byKey(after, LIST_KEYS.get(listName));
            Set<String> keys = new LinkedHashSet<>(was.keySet());
            keys.addAll(is.keySet());
            for (String key : keys) {
                compare(path + "[" + key + "]", was.get(key), is.get(key), null, changes);
            }
        } else if (!equalValues(before, after)) {
            changes.add(new Change(path, Kind.CHANGED, before, after));
        }
    }

    private static boolean equalValues(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private static Map<String, JsonNode> byKey(JsonNode array, String keyName) {
        Map<String, JsonNode> items = new LinkedHashMap<>();
        Iterator<JsonNode> elements = array.elements();
        int index = 0;
        while (elements.hasNext()) {
            JsonNode item = elements.next();
            String key = item.hasNonNull(keyName) ? item.get(keyName).asText() : "#" + index;
            items.put(key, item);
            index++;
        }
        return items;
    }
}
