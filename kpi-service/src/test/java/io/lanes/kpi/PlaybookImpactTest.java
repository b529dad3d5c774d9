package io.lanes.kpi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.lanes.testing.DevTokens;
import io.lanes.testing.LanesInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What version 2 of a playbook did ({@link ImpactFirm}), over the real broker; every expected number
 * worked out by hand below.
 */
@QuarkusTest
@QuarkusTestResource(LanesInfraResource.class)
class PlaybookImpactTest {

    private static final String TYPE = ImpactFirm.TYPE;
    private static final String IMPACT = "/playbooks/" + TYPE + "/versions/{v}/impact";
    private static final int MATTERS = ImpactFirm.MATTERS;

    @BeforeAll
    static void publishTheFirm() {
        ImpactFirm.publish();
    }

    @Test
    void theVersionsAreListedAndLatestNamesTheNewest() {
        given().auth()
                .oauth2(DevTokens.forRole("ops"))
                .get("/playbooks/" + TYPE + "/versions")
                .then()
                .statusCode(200)
                .body("version", contains(1, 2))
                .body("[1].publishedAt", equalTo("2023-06-01T09:00:00Z"));
        given().auth()
                .oauth2(DevTokens.forRole("leadership"))
                .get("/playbooks/no-such-type/versions")
                .then()
                .statusCode(200)
                .body("$", empty());
        impact("ops", "latest").statusCode(200).body("version", equalTo(2)).body("previousVersion", equalTo(1));
        given().auth()
                .oauth2(DevTokens.forRole("ops"))
                .get("/playbooks/no-such-type/versions/latest/impact")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aRateThatImprovedBeyondChanceOneWithinItAndSamplesBelowTheMinimum() {
        ValidatableResponse impact = impact("ops", 2).statusCode(200);
        impact.body("matterType", equalTo(TYPE))
                .body("version", equalTo(2))
                .body("previousVersion", equalTo(1))
                .body("matters", equalTo(MATTERS))
                .body("previousMatters", equalTo(MATTERS))
                .body("from", equalTo("2023-01-02"))
                .body("minimumSample", equalTo(20))
                .body("significanceLevel", equalTo(0.05f));
        // On-time milestones 24/30 = 0.8 against 12/30 = 0.4. Pooled p = 36/60 = 0.6; standard error
        // sqrt(0.6 * 0.4 * (1/30 + 1/30)) = sqrt(0.016) = 0.126491; z = 0.4 / 0.126491 = 3.162;
        // two-sided p = erfc(3.162 / sqrt 2) = 0.0016 < 0.05, and higher is better: BETTER.
        kpi(impact, "onTimeMilestoneRate")
                .body(at("onTimeMilestoneRate", "version.value"), equalTo(0.8f))
                .body(at("onTimeMilestoneRate", "version.numerator"), equalTo(24))
                .body(at("onTimeMilestoneRate", "version.denominator"), equalTo(30))
                .body(at("onTimeMilestoneRate", "previousVersion.value"), equalTo(0.4f))
                .body(at("onTimeMilestoneRate", "difference"), equalTo(0.4f))
                .body(at("onTimeMilestoneRate", "test.name"), equalTo("two-proportion z-test"))
                .body(at("onTimeMilestoneRate", "test.z"), equalTo(3.162f))
                .body(at("onTimeMilestoneRate", "test.pValue"), equalTo(0.0016f))
                .body(at("onTimeMilestoneRate", "verdict"), equalTo("BETTER"));
        // Overdue tasks 10/30 = 0.3333 against 13/30 = 0.4333. Pooled p = 23/60 = 0.383333; standard error
        // sqrt(0.383333 * 0.616667 * (2/30)) = 0.125536; z = (0.333333 - 0.433333) / 0.125536 = -0.797;
        // p = erfc(0.797 / sqrt 2) = 0.4257 >= 0.05: fewer late tasks, but chance explains it.
        kpi(impact, "overdueTaskRate")
                .body(at("overdueTaskRate", "version.value"), equalTo(0.3333f))
                .body(at("overdueTaskRate", "previousVersion.value"), equalTo(0.4333f))
                .body(at("overdueTaskRate", "difference"), equalTo(-0.1f))
                .body(at("overdueTaskRate", "test.z"), equalTo(-0.797f))
                .body(at("overdueTaskRate", "test.pValue"), equalTo(0.4257f))
                .body(at("overdueTaskRate", "verdict"), equalTo("WITHIN_CHANCE"));
        // Every matter closed after 200 of a planned 100 days: a ratio of 2 on both sides, but 6 < 20 matters,
        // so no test is made. The same for intake-to-open over 6 acceptances each.
        kpi(impact, "cycleTimeVsPlan")
                .body(at("cycleTimeVsPlan", "version.value"), equalTo(2.0f))
                .body(at("cycleTimeVsPlan", "version.sampleSize"), equalTo(MATTERS))
                .body(at("cycleTimeVsPlan", "test"), nullValue())
                .body(at("cycleTimeVsPlan", "verdict"), equalTo("NOT_ENOUGH_DATA"));
        kpi(impact, "intakeToOpenHours")
                .body(at("intakeToOpenHours", "version.sampleSize"), equalTo(MATTERS))
                .body(at("intakeToOpenHours", "verdict"), equalTo("NOT_ENOUGH_DATA"));
    }

    @Test
    void leadershipReadsItToo() {
        impact("leadership", 2).statusCode(200).body("version", equalTo(2));
    }

    @Test
    void anUnknownVersionOrMatterTypeIsNotFound() {
        impact("ops", 3).statusCode(404).contentType("application/problem+json");
        given().auth()
                .oauth2(DevTokens.forRole("ops"))
                .get("/playbooks/no-such-type/versions/2/impact")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theFirstVersionHasNothingToCompareWith() {
        impact("ops", 1)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("version"))
                .body("errors[0].code", equalTo("no-previous-version"));
    }

    @Test
    void aVersionThatIsNotAPositiveWholeNumberIsABadRequestNamingIt() {
        for (String bad : List.of("0", "-1", "two", "2.5")) {
            given().auth()
                    .oauth2(DevTokens.forRole("ops"))
                    .get("/playbooks/" + TYPE + "/versions/" + bad + "/impact")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("version"));
        }
    }

    @Test
    void onlyOpsAndLeadershipMayAsk() {
        impact("pm", 2).statusCode(403);
        given().get(IMPACT, 2).then().statusCode(401);
    }

    private static ValidatableResponse impact(String role, Object version) {
        return given().auth()
                .oauth2(DevTokens.forRole(role))
                .get(IMPACT, version)
                .then();
    }

    private static ValidatableResponse kpi(ValidatableResponse impact, String key) {
        return impact.body("kpis.find { it.key == '" + key + "' }.key", equalTo(key));
    }

    private static String at(String key, String path) {
        return "kpis.find { it.key == '" + key + "' }." + path;
    }
}
