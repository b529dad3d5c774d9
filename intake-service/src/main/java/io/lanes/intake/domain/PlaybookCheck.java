package io.lanes.intake.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.lanes.contracts.intake.IntakeComplete.ChecklistEntry;
import io.lanes.contracts.opsconfig.PlaybookPublished;
import io.lanes.contracts.opsconfig.PlaybookPublished.ChecklistItem;
import io.lanes.contracts.opsconfig.PlaybookPublished.RequiredField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Whether an intake is a complete handoff packet by its playbook: every required field captured with
 * a value of its type (a BOOLEAN gate true), every checklist item done. Legal operations defines "complete"; intake
 * enforces it.
 */
public final class PlaybookCheck {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private PlaybookCheck() {}

    public static List<MissingItem> missing(IntakeData data, PlaybookPublished playbook) {
        List<MissingItem> missing = new ArrayList<>();
        Map<String, JsonNode> fields = data.fields() == null ? Map.of() : data.fields();
        for (RequiredField field : playbook.requiredFields()) {
            String problem = problem(field, fields.get(field.key()));
            if (problem != null) {
                missing.add(new MissingItem(field.key(), field.label(), field.label() + " " + problem, false));
            }
        }
        List<ChecklistEntry> checklist = data.checklist() == null ? List.of() : data.checklist();
        for (ChecklistItem item : playbook.checklist()) {
            boolean done = checklist.stream().anyMatch(e -> item.key().equals(e.key()) && e.done());
            if (!done) {
                missing.add(new MissingItem(item.key(), item.label(), item.label() + " is not done", true));
            }
        }
        return missing;
    }

    /** What is wrong with a captured value, or null when it is a value of the field's type. */
    private static String problem(RequiredField field, JsonNode value) {
        if (value == null
                || value.isNull()
                || (value.isTextual() && value.asText().isBlank())) {
            return "is required";
        }
        switch (field.type()) {
            case TEXT:
                return value.isTextual() ? null : "must be text";
            case DATE:
                return isDate(value) ? null : "must be a date (YYYY-MM-DD)";
            case EMAIL:
                return value.isTextual() && EMAIL.matcher(value.asText()).matches()
                        ? null
                        : "must be an e-mail address";
            case MONEY:
                return isMoney(value) ? null : "must be an amount of money (at most 2 decimals, not negative)";
            case BOOLEAN:
                if (!value.isBoolean()) {
                    return "must be true or false";
                }
                // A gate (a cleared conflict check): false is captured, and still stops the intake.
                return Boolean.TRUE.equals(field.mustBeTrue()) && !value.booleanValue() ? "must be true" : null;
            case NUMBER:
                return value.isNumber() ? null : "must be a number";
            case ENUM:
                return value.isTextual() && field.options().contains(value.asText())
                        ? null
                        : "must be one of " + field.options();
            default:
                return null;
        }
    }

    private static boolean isDate(JsonNode value) {
        if (!value.isTextual()) {
            return false;
        }
        try {
            LocalDate.parse(value.asText());
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isMoney(JsonNode value) {
        BigDecimal amount;
        if (value.isNumber()) {
            amount = value.decimalValue();
        } else if (value.isTextual()) {
            try {
                amount = new BigDecimal(value.asText());
            } catch (NumberFormatException e) {
                return false;
            }
        } else {
            return false;
        }
        return amount.signum() >= 0 && amount.stripTrailingZeros().scale() <= 2;
    }
}
