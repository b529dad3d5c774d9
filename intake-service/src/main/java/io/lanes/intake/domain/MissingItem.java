package io.lanes.intake.domain;

/**
 * Something a submission lacks: a required field ({@code fields.<key>}) or an unticked checklist item
 * ({@code checklist.<key>}), with the playbook's label and what is wrong.
 */
public record MissingItem(String key, String label, String message, boolean checklist) {

    public String path() {
        return (checklist ? "checklist." : "fields.") + key;
    }
}
