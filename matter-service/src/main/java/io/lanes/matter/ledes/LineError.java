package io.lanes.matter.ledes;

/**
 * Why one line of a file could not be imported.
 *
 * @param field the LEDES field at fault, null when the line as a whole is (e.g. its field count)
 */
public record LineError(int line, String field, String message) {

    static LineError of(int line, LedesField field, String message) {
        return new LineError(line, field == null ? null : field.header(), message);
    }
}
