package io.lanes.kpi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lanes.testing.DevTokens;
import io.lanes.testing.LanesInfraResource;
import io.lanes.testing.TestIdentityProvider;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The dashboard with the firm's identity provider (the {@code dashboard} OIDC tenant on): the page needs a
 * signed-in user and sends a visitor through the authorization-code flow, back to the address with its
 * filters; the session hands the page its access token, which the API takes as a bearer token; the API
 * itself never signs anyone in nor reads the session cookie. This module's second test profile: the tenant
 * changes what every dashboard path does, so it cannot share a Quarkus start with the fragment-token tests.
 */
@QuarkusTest
@QuarkusTestResource(LanesInfraResource.class)
@TestProfile(DashboardSignInTest.WithIdentityProvider.class)
class DashboardSignInTest {

    private static final String MARCH = "from=2025-03-01&to=2025-04-01";

    @TestHTTPResource("/")
    URL root;

    public static class WithIdentityProvider implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FirmProvider.class));
        }
    }

    /** The firm's provider for this profile's Quarkus start, and the dashboard tenant pointed at it. */
    public static class FirmProvider implements QuarkusTestResourceLifecycleManager {
        static TestIdentityProvider provider;

        @Override
        public Map<String, String> start() {
            provider = TestIdentityProvider.start();
            return Map.of(
                    "quarkus.oidc.dashboard.tenant-enabled",
                    "true",
                    "quarkus.oidc.dashboard.auth-server-url",
                    provider.url(),
                    "quarkus.oidc.dashboard.client-id",
                    TestIdentityProvider.CLIENT_ID,
                    "quarkus.oidc.dashboard.credentials.secret",
                    TestIdentityProvider.CLIENT_SECRET);
        }

        @Override
        public void stop() {
            provider.close();
        }
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aVisitorSignsInAtTheProviderAndComesBackToTheFiltersWithATokenTheApiTakes() {
        Map<String, String> session = signIn("l.moreau", "leadership", "/dashboard/?" + MARCH);

        given().redirects()
                .follow(false)
                .cookies(session)
                .get("/dashboard/?" + MARCH)
                .then()
                .statusCode(200)
                .body(containsString("dashboard.js"));
        String token = given().cookies(session)
                .accept("application/json")
                .get("/dashboard/session")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .extract()
                .path("accessToken");
        given().auth()
                .oauth2(token)
                .get("/scorecards/ops?" + MARCH)
                .then()
                .statusCode(200)
                .body("scorecard", equalTo("ops"));
    }

    @Test
    void theApiStaysBearerOnlyAndAPmSignedInIsStillAPm() {
        Map<String, String> session = signIn("p.okafor", "pm", "/dashboard/");
        // The session cookie is the dashboard's: the API neither reads it nor sends anyone to sign in.
        given().redirects()
                .follow(false)
                .cookies(session)
                .get("/scorecards/ops")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        String pmToken = given().cookies(session)
                .get("/dashboard/session")
                .then()
                .statusCode(200)
                .extract()
                .path("accessToken");
        given().auth()
                .oauth2(pmToken)
                .get("/scorecards/ops")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    @EnabledIf("io.lanes.kpi.HeadlessChromium#installed")
    void inChromiumThePageSignsInAtTheProviderAndShowsTheScorecardsOrSaysItIsForLeadership() throws IOException {
        Path downloads = Files.createTempDirectory("lanes-sign-in-downloads");
        ChromeDriver browser = HeadlessChromium.start(downloads);
        try {
            FirmProvider.provider.signInAs("l.moreau", "leadership");
            browser.get(root + "dashboard/?" + MARCH);
            HeadlessChromium.awaitLoaded(browser, "true");
            assertEquals(root + "dashboard/?" + MARCH, browser.getCurrentUrl(), "back where the visitor was going");
            int opsKpis = given().auth()
                    .oauth2(DevTokens.forRole("leadership"))
                    .get("/scorecards/ops?" + MARCH)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("kpis.size()");
            assertEquals(
                    opsKpis, browser.findElements(By.cssSelector("#ops li.kpi")).size());
            assertFalse(browser.findElement(By.tagName("body")).getText().contains("NaN"), "no figure of nothing");
            assertEquals(List.of(), HeadlessChromium.consoleWarnings(browser), "console errors");
            HeadlessChromium.screenshot(browser, "dashboard-signed-in.png");

            browser.manage().deleteAllCookies();
            ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
            FirmProvider.provider.signInAs("p.okafor", "pm");
            browser.get(root + "dashboard/");
            HeadlessChromium.awaitLoaded(browser, "refused");
            WebElement notice = HeadlessChromium.awaitNotice(browser);
            assertTrue(notice.getText().contains("for the firm's leadership"), notice.getText());
        } finally {
            HeadlessChromium.quit(browser, downloads);
        }
    }

    @Test
    void withoutASessionEveryDashboardPathSendsTheBrowserToSignIn() {
        for (String path : List.of("/dashboard", "/dashboard/", "/dashboard/dashboard.js", "/dashboard/session")) {
            given().redirects()
                    .follow(false)
                    .get(path)
                    .then()
                    .statusCode(302)
                    .header("Location", startsWith(FirmProvider.provider.url() + "/authorize?"));
        }
    }

    @Test
    void aForgedOrReplayedCodeSignsNobodyIn() {
        Response challenge = given().redirects().follow(false).get("/dashboard/");
        String callback =
                URI.create(challenge.header("Location")).getRawQuery().replaceAll(".*redirect_uri=([^&]+).*", "$1");
        String redirectUri = URLDecoder.decode(callback, StandardCharsets.UTF_8);
        String state = URI.create(challenge.header("Location")).getRawQuery().replaceAll(".*state=([^&]+).*", "$1");
        Response back = given().redirects()
                .follow(false)
                .cookies(challenge.getCookies())
                .get(redirectUri + "?code=forged&state=" + state);
        assertEquals(401, back.statusCode(), "a code the provider never issued");
        assertFalse(back.getCookies().keySet().stream().anyMatch(name -> name.startsWith("q_session")));
    }

    /**
     * The authorization-code flow as a browser follows it: the page sends the visitor to the provider, the
     * provider back with a code, kpi-service redeems it and returns the visitor to where they were going.
     * Answers the session's cookies.
     */
    private static Map<String, String> signIn(String user, String role, String path) {
        FirmProvider.provider.signInAs(user, role);
        Response challenge = given().redirects().follow(false).get(path);
        assertEquals(302, challenge.statusCode());
        Map<String, String> cookies = new HashMap<>(challenge.getCookies());
        Response provider =
                given().redirects().follow(false).urlEncodingEnabled(false).get(challenge.header("Location"));
        assertEquals(302, provider.statusCode(), provider.asString());
        Response back = given().redirects().follow(false).cookies(cookies).get(URI.create(provider.header("Location")));
        assertEquals(302, back.statusCode(), back.asString());
        assertTrue(back.header("Location").endsWith(path), back.header("Location") + " leads back to " + path);
        cookies.putAll(back.getCookies());
        assertTrue(
                cookies.keySet().stream().anyMatch(name -> name.startsWith("q_session")), cookies.keySet()::toString);
        return cookies;
    }
}
