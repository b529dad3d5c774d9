package io.lanes.systemtests;

/** The body of a complete contract-review intake (the starter playbook's required fields and checklist). */
final class ContractReviewIntake {

    private ContractReviewIntake() {}

    static String json(String matterType, String name) {
        return "{\"matterType\":\"" + matterType + "\",\"matterName\":\"" + name + "\","
                + "\"client\":{\"name\":\"Acme Corp\",\"kind\":\"ORGANIZATION\",\"email\":\"legal@acme.example\"},"
                + "\"fields\":{\"clientLegalName\":\"Acme Corp\",\"clientContactEmail\":\"legal@acme.example\","
                + "\"counterparty\":\"Globex Ltd\",\"conflictCheckCleared\":true,\"engagementLetterSigned\":true,"
                + "\"contractType\":\"MSA\",\"contractValue\":250000,\"signatureDeadline\":\"2027-01-29\"},"
                + "\"checklist\":[{\"key\":\"conflict-check\",\"done\":true},{\"key\":\"engagement-letter\",\"done\":true},"
                + "{\"key\":\"playbook-positions\",\"done\":true}],\"keyDates\":[],\"estimatedBudget\":15000,"
                + "\"currency\":\"USD\"}";
    }
}
