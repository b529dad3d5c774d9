package io.lanes.intake.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.lanes.contracts.intake.IntakeComplete.ChecklistEntry;
import io.lanes.contracts.intake.IntakeComplete.Client;
import io.lanes.contracts.intake.IntakeComplete.KeyDate;
import io.lanes.platform.domain.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The shape every intake must have whatever its playbook says: sizes bounded (so a malicious payload
 * cannot bloat the store), keys well-formed, e-mail and currency valid, strings trimmed. Whether it
 * is complete is {@link PlaybookCheck}'s question, at submission.
 */
public final class IntakeDataRules {

    public static final int MAX_TEXT = 200;
    public static final int MAX_VALUE = 2_000;
    public static final int MAX_ITEMS = 100;
    private static final Pattern MATTER_TYPE = Pattern.compile("[a-z][a-z0-9-]{1,62}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private IntakeDataRules() {}

    /** The data with strings trimmed and absent lists empty. */
    public static IntakeData normalized(IntakeData data) {
        Client client = data.client() == null
                ? null
                : new Client(
                        trim(data.client().name()),
                        data.client().kind(),
                        trim(data.client().email()));
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        if (data.fields() != null) {
            data.fields()
                    .forEach((key, value) -> fields.put(
                            trim(key),
                            value != null && value.isTextual()
                                    ? TextNode.valueOf(value.asText().strip())
                                    : value));
        }
        List<ChecklistEntry> checklist = new ArrayList<>();
        if (data.checklist() != null) {
            data.checklist()
                    .forEach(e -> checklist.add(e == null ? null : new ChecklistEntry(trim(e.key()), e.done())));
        }
        List<KeyDate> keyDates = new ArrayList<>();
        if (data.keyDates() != null) {
            data.keyDates()
                    .forEach(d ->
                            keyDates.add(d == null ? null : new KeyDate(trim(d.name()), d.date(), d.hardDeadline())));
        }
        return new IntakeData(
                trim(data.matterType()),
                client,
                trim(data.matterName()),
                fields,
                checklist,
                keyDates,
                data.estimatedBudget(),
                trim(data.currency()));
    }

    public static List<Violation> check(IntakeData data) {
        List<Violation> errors = new ArrayList<>();
        if (data.matterType() == null || !MATTER_TYPE.matcher(data.matterType()).matches()) {
            errors.add(new Violation("matterType", "a matter type is lower-case letters, digits and '-'", "pattern"));
        }
        text(errors, "matterName", data.matterName(), true);
        if (data.client() == null) {
            errors.add(new Violation("client", "the client is required", "required"));
        } else {
            text(errors, "client.name", data.client().name(), true);
            if (data.client().kind() == null) {
                errors.add(new Violation("client.kind", "INDIVIDUAL or ORGANIZATION is required", "required"));
            }
            String email = data.client().email();
            if (email != null
                    && (email.length() > MAX_TEXT || !EMAIL.matcher(email).matches())) {
                errors.add(new Violation("client.email", "must be an e-mail address", "email"));
            }
        }
        if (data.currency() == null || !CURRENCY.matcher(data.currency()).matches()) {
            errors.add(new Violation("currency", "an ISO 4217 code such as USD is required", "pattern"));
        }
        BigDecimal budget = data.estimatedBudget();
        if (budget != null
                && (budget.signum() < 0
                        || budget.stripTrailingZeros().scale() > 2
                        || budget.compareTo(new BigDecimal("1000000000000")) >= 0)) {
            errors.add(new Violation(
                    "estimatedBudget", "must be an amount of money (at most 2 decimals, not negative)", "money"));
        }
        fields(errors, data.fields());
        checklist(errors, data.checklist());
        keyDates(errors, data.keyDates());
        return errors;
    }

    private static void fields(List<Violation> errors, Map<String, JsonNode> fields) {
        if (fields.size() > MAX_ITEMS) {
            errors.add(new Violation("fields", "at most " + MAX_ITEMS + " fields", "size"));
            return;
        }
        fields.forEach((key, value) -> {
            if (key == null || !KEY.matcher(key).matches()) {
                errors.add(new Violation("fields." + key, "a field key is letters, digits, '-' or '_'", "pattern"));
            } else if (value != null && !value.isNull() && !value.isValueNode()) {
                errors.add(new Violation("fields." + key, "must be text, a number or true/false", "scalar"));
            } else if (value != null && value.isTextual() && value.asText().length() > MAX_VALUE) {
                errors.add(new Violation("fields." + key, "at most " + MAX_VALUE + " characters", "size"));
            }
        });
    }

    private static void checklist(List<Violation> errors, List<ChecklistEntry> checklist) {
        if (checklist.size() > MAX_ITEMS) {
            errors.add(new Violation("checklist", "at most " + MAX_ITEMS + " items", "size"));
            return;
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < checklist.size(); i++) {
            ChecklistEntry entry = checklist.get(i);
            if (entry == null
                    || entry.key() == null
                    || !KEY.matcher(entry.key()).matches()) {
                errors.add(new Violation(
                        "checklist[" + i + "].key", "a checklist key is letters, digits, '-' or '_'", "pattern"));
            } else if (!keys.add(entry.key())) {
                errors.add(
                        new Violation("checklist[" + i + "].key", "item " + entry.key() + " appears twice", "unique"));
            }
        }
    }

    private static void keyDates(List<Violation> errors, List<KeyDate> keyDates) {
        if (keyDates.size() > MAX_ITEMS) {
            errors.add(new Violation("keyDates", "at most " + MAX_ITEMS + " dates", "size"));
            return;
        }
        for (int i = 0; i < keyDates.size(); i++) {
            KeyDate date = keyDates.get(i);
            if (date == null) {
                errors.add(new Violation("keyDates[" + i + "]", "must not be null", "required"));
                continue;
            }
            text(errors, "keyDates[" + i + "].name", date.name(), true);
            if (date.date() == null) {
                errors.add(new Violation("keyDates[" + i + "].date", "a date (YYYY-MM-DD) is required", "required"));
            }
        }
    }

    private static void text(List<Violation> errors, String path, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new Violation(path, "must not be blank", "required"));
            }
        } else if (value.length() > MAX_TEXT) {
            errors.add(new Violation(path, "at most " + MAX_TEXT + " characters", "size"));
        }
    }

    private static String trim(String value) {
        return value == null ? null : value.strip();
    }
}
