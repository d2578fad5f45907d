package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Api;
import dev.herald.testing.Browser;
import dev.herald.testing.FromAddress;
import dev.herald.testing.HeraldServer;
import dev.herald.testing.Http;
import dev.herald.testing.Page;
import dev.herald.testing.SystemTest;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Console and portal sessions follow their account, in Chromium: staff disabling a user, setting
 * their password, changing their roles (or the permissions of a role they hold), the user choosing
 * a new password elsewhere, and the account being blocked from the address the session comes from,
 * each end the session at its very next request, an ordinary page or a Faces Ajax request, which
 * lands on the login page saying so. The Users page shows the block and Unlock lifts it. The browser
 * talks to 127.0.0.1, so that the failed sign-ins which block the account come from the session's
 * own address.
 */
@SystemTest
class SessionFollowsAccountBrowserSystemIT {

    private static final String PASSWORD = "Upper Circle Balcony 12";
    private static final FromAddress SESSIONS_ADDRESS = FromAddress.of("127.0.0.1");

    private static Api admin;
    private static String base;
    private static WebDriver browser;
    private static Page page;

    @RegisterExtension
    static final Browser.ScreenshotOnFailure SCREENSHOT_ON_FAILURE =
            new Browser.ScreenshotOnFailure(() -> SessionFollowsAccountBrowserSystemIT.browser);

    @BeforeAll
    static void openBrowser() {
        HeraldServer.get();
        admin = Api.admin().withToken();
        base = "http://127.0.0.1:" + HeraldServer.HTTP_PORT;
        browser = Browser.open();
        page = new Page(browser);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void noSession() {
        for (String login : new String[] {"/console/login.xhtml", "/partner/login.xhtml"}) {
            browser.get(base + login);
            browser.manage().deleteAllCookies();
        }
    }

    @Test
    void disablingAMemberOfStaffEndsTheirConsoleSession() {
        long id = staffInTheConsole();

        assertThat(admin.post("/api/v1/users/" + id + "/disable", "{}").statusCode())
                .isEqualTo(200);

        browser.get(base + "/console/schedules.xhtml");
        waitForEndedSessionAt("/console/login.xhtml");
        browser.get(base + "/console/");
        page.waiting().until(ExpectedConditions.urlContains("/console/login.xhtml"));
        Browser.screenshot(browser, "console-session-ended");
    }

    @Test
    void settingAPasswordEndsTheConsoleSessionAtItsNextAjaxRequest() {
        long id = staffInTheConsole();
        browser.get(base + "/console/tokens.xhtml");
        page.waiting().until(ExpectedConditions.elementToBeClickable(By.id("tokens:addToken")));

        setPassword(id);

        page.click("tokens:addToken");
        waitForEndedSessionAt("/console/login.xhtml");
    }

    @Test
    void changingTheRolesOfAMemberOfStaffEndsTheirConsoleSession() {
        long id = staffInTheConsole();

        changeRoles(id, "Administrator", "Collect Reports");

        browser.navigate().refresh();
        waitForEndedSessionAt("/console/login.xhtml");
    }

    @Test
    void blockingTheAccountFromTheSessionsAddressEndsTheConsoleSessionUntilStaffUnlockIt() {
        String username = newUser("/api/v1/users", "Administrator");
        signInAt("/console/", username);
        page.waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Welcome, " + username));

        failFiveTimes(username);

        browser.navigate().refresh();
        waitForEndedSessionAt("/console/login.xhtml");

        browser.get(base + "/console/users.xhtml");
        page.signIn("admin", HeraldServer.ADMIN_PASSWORD);
        page.waiting().until(ExpectedConditions.urlContains("/console/users.xhtml"));
        page.search("users:query", username);
        page.waitForText("users:table", "Sign-in blocked from 127.0.0.1");
        Browser.screenshot(browser, "console-users-blocked");
        page.click("users:table:0:unlock");
        page.waitForText("growl_container", username + " is unlocked");
        page.waiting()
                .until(ExpectedConditions.not(
                        ExpectedConditions.textToBePresentInElementLocated(By.id("users:table"), "Sign-in blocked")));
        assertThat(SESSIONS_ADDRESS
                        .get("/api/v1/me", Http.basic(username, PASSWORD))
                        .status())
                .as("the owner signs in from the same address again")
                .isEqualTo(200);
    }

    @Test
    void choosingANewPasswordElsewhereEndsTheOtherConsoleSessions() {
        String username = newUser("/api/v1/users", "Administrator");
        signInAt("/console/", username);
        page.waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Welcome, " + username));

        HttpResponse<String> changed = Api.as(username, PASSWORD)
                .put(
                        "/api/v1/me/password",
                        Json.createObjectBuilder()
                                .add("currentPassword", PASSWORD)
                                .add("newPassword", "Chosen Over The Api Today")
                                .build());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);

        browser.navigate().refresh();
        waitForEndedSessionAt("/console/login.xhtml");
    }

    @Test
    void changingThePermissionsOfARoleEndsItsHoldersSessions() {
        String roleName = "Session role " + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> role = admin.post("/api/v1/roles", role(roleName, "VIEW_SCHEDULES"));
        assertThat(role.statusCode()).as(role.body()).isEqualTo(201);
        long roleId = admin.json(role).getJsonNumber("id").longValue();
        String username = newUser("/api/v1/users", roleName);
        signInAt("/console/", username);
        page.waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Welcome, " + username));

        HttpResponse<String> changed =
                admin.put("/api/v1/roles/" + roleId, role(roleName, "VIEW_SCHEDULES", "VIEW_AUDIT_LOG"));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

        browser.navigate().refresh();
        waitForEndedSessionAt("/console/login.xhtml");
    }

    @Test
    void disablingAPartnerEndsTheirPortalSession() {
        long id = partnerInThePortal();

        assertThat(admin.post("/api/v1/users/" + id + "/disable", "{}").statusCode())
                .isEqualTo(200);

        browser.get(base + "/partner/files.xhtml");
        waitForEndedSessionAt("/partner/login.xhtml");
        Browser.screenshot(browser, "portal-session-ended");
    }

    @Test
    void settingAPartnersPasswordEndsThePortalSessionAtItsNextAjaxRequest() {
        long id = partnerInThePortal();
        browser.get(base + "/partner/password.xhtml");
        page.waiting().until(ExpectedConditions.elementToBeClickable(By.id("password:change")));

        setPassword(id);

        page.click("password:change");
        waitForEndedSessionAt("/partner/login.xhtml");
    }

    @Test
    void changingAPartnersRolesEndsTheirPortalSession() {
        long id = partnerInThePortal();

        changeRoles(id, "Collect Reports", "Administrator");

        browser.navigate().refresh();
        waitForEndedSessionAt("/partner/login.xhtml");
    }

    @Test
    void blockingThePartnerFromTheSessionsAddressEndsThePortalSession() {
        String username = newUser("/api/v1/users/partners", null);
        signInAt("/partner/", username);
        waitForPortal(username);

        failFiveTimes(username);

        browser.navigate().refresh();
        waitForEndedSessionAt("/partner/login.xhtml");
    }

    private static jakarta.json.JsonObject role(String name, String... permissions) {
        JsonArrayBuilder granted = Json.createArrayBuilder();
        for (String permission : permissions) {
            granted.add(permission);
        }
        return Json.createObjectBuilder()
                .add("name", name)
                .add("permissions", granted)
                .add("manageAllRoles", false)
                .build();
    }

    /** A new member of staff, signed in to the console in the browser; answers their id. */
    private long staffInTheConsole() {
        String username = newUser("/api/v1/users", "Administrator");
        signInAt("/console/", username);
        page.waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Welcome, " + username));
        return idOf(username);
    }

    /** A new partner, signed in to the portal in the browser; answers their id. */
    private long partnerInThePortal() {
        String username = newUser("/api/v1/users/partners", null);
        signInAt("/partner/", username);
        waitForPortal(username);
        return idOf(username);
    }

    private static void signInAt(String path, String username) {
        browser.get(base + path);
        page.waiting().until(ExpectedConditions.urlContains("login.xhtml"));
        page.signIn(username, PASSWORD);
    }

    private static void waitForPortal(String username) {
        page.waiting()
                .until(ExpectedConditions.and(
                        ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Your reports"),
                        ExpectedConditions.textToBePresentInElementLocated(By.id("sessionForm:signedInAs"), username)));
    }

    private static void waitForEndedSessionAt(String loginPage) {
        page.waiting().until(ExpectedConditions.urlContains(loginPage));
        page.waitForText("ended", "Your session has ended.");
        assertThat(browser.getCurrentUrl()).contains("ended=true");
    }

    private static void setPassword(long id) {
        HttpResponse<String> set = admin.put(
                "/api/v1/users/" + id + "/password",
                Json.createObjectBuilder()
                        .add("password", "Set By Staff Today 44")
                        .add("mustChangePassword", true)
                        .build());
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    }

    private static void changeRoles(long id, String... roles) {
        JsonArrayBuilder names = Json.createArrayBuilder();
        for (String role : roles) {
            names.add(role);
        }
        String username = admin.json(admin.get("/api/v1/users/" + id)).getString("username");
        HttpResponse<String> changed = admin.put(
                "/api/v1/users/" + id,
                Json.createObjectBuilder()
                        .add("displayName", username)
                        .add("email", username + "@example.org")
                        .add("roles", names)
                        .build());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    }

    /** Five wrong passwords from the address the browser's session comes from. */
    private static void failFiveTimes(String username) {
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(SESSIONS_ADDRESS
                            .get("/api/v1/me", Http.basic(username, "a guess " + attempt))
                            .status())
                    .isEqualTo(401);
        }
    }

    private static String newUser(String path, String role) {
        String username = "session-" + UUID.randomUUID().toString().substring(0, 8);
        var body = Json.createObjectBuilder()
                .add("username", username)
                .add("displayName", username)
                .add("email", username + "@example.org")
                .add("password", PASSWORD)
                .add("mustChangePassword", false);
        if (role != null) {
            body.add("roles", Json.createArrayBuilder().add(role));
        }
        HttpResponse<String> created = admin.post(path, body.build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return username;
    }

    private static long idOf(String username) {
        return admin.json(admin.get("/api/v1/users?q=" + username))
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
    }
}
