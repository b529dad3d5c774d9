package io.lanes.subscription.domain;

/**
 * Which events of its types a subscription wants: each field that is set must equal the event's. An
 * event that does not carry a filtered field (a {@code milestone-slipped} has no severity) does not match.
 */
public record DeliveryFilter(String matterType, String team, String cause, String severity) {

    public static final DeliveryFilter ANY = new DeliveryFilter(null, null, null, null);

    /** The keys a request may use, in the order of the record. */
    public static final java.util.List<String> KEYS = java.util.List.of("matterType", "team", "cause", "severity");

    public boolean matches(Notice notice) {
        return wanted(matterType, notice.matterType())
                && wanted(team, notice.team())
                && wanted(cause, notice.cause())
                && wanted(severity, notice.severity());
    }

    private static boolean wanted(String filter, String value) {
        return filter == null || filter.equals(value);
    }
}
