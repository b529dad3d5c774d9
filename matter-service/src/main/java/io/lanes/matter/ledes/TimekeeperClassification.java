package io.lanes.matter.ledes;

import io.lanes.contracts.matter.TimekeeperRole;

/**
 * LEDES timekeeper classifications against Lanes' roles: partner, associate and of counsel are
 * attorneys, a legal assistant is a paralegal, anything else is other. Written back, an attorney is
 * an associate (Lanes does not record seniority) and an assistant is "other timekeeper".
 */
public final class TimekeeperClassification {

    private TimekeeperClassification() {}

    public static TimekeeperRole role(String classification) {
        if (classification == null) {
            return TimekeeperRole.OTHER;
        }
        return switch (classification) {
            case "PT", "AS", "OC" -> TimekeeperRole.ATTORNEY;
            case "LA" -> TimekeeperRole.PARALEGAL;
            default -> TimekeeperRole.OTHER;
        };
    }

    public static String of(TimekeeperRole role) {
        return switch (role) {
            case ATTORNEY -> "AS";
            case PARALEGAL -> "LA";
            case ASSISTANT, OTHER -> "OT";
        };
    }
}
