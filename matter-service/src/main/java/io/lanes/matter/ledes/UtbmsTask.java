package io.lanes.matter.ledes;

/** A UTBMS task code and its phase: L110 belongs to L100; a phase code (L100) names the phase itself. */
public final class UtbmsTask {

    private UtbmsTask() {}

    public static String phaseOf(String taskCode) {
        return taskCode.substring(0, 2) + "00";
    }

    /** The task code as a task, or null when it only names a phase. */
    public static String taskOrNull(String taskCode) {
        return taskCode.equals(phaseOf(taskCode)) ? null : taskCode;
    }
}
