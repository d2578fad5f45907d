package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Api;
import dev.herald.testing.Browser;
import dev.herald.testing.HeraldServer;
import dev.herald.testing.SystemTest;
import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Someone whose password staff set signs in for the first time, in the console and in the portal:
 * they are kept on the change-password page until they have chosen their own, and wrong input is
 * named on its field. The page works under the Content Security Policy, whose nonce PrimeFaces
 * adds: its Ajax button is the proof.
 */
@SystemTest
class PasswordChangeBrowserSystemIT {

    private static final String FIRST_PASSWORD = "Handed Over In Person 1";
    private static final String OWN_PASSWORD = "Understudy Takes The Lead";

    private static Api admin;
    private static String base;
    private WebDriver browser;
    private WebDriverWait wait;

    @RegisterExtension
    final Browser.ScreenshotOnFailure screenshotOnFailure = new Browser.ScreenshotOnFailure(() -> browser);

    @BeforeAll
    static void signIn() {
        admin = Api.admin().withToken();
        base = HeraldServer.get().baseUrl();
    }

    @BeforeEach
    void openBrowser() {
        browser = Browser.open();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void newStaffChooseTheirOwnPasswordBeforeUsingTheConsole() {
        String username = newUser("/api/v1/users", "Administrator");

        browser.get(base + "/console/");
        signIn(username, FIRST_PASSWORD);
        wait.until(ExpectedConditions.urlContains("/console/password.xhtml"));
        assertThat(browser.findElement(By.id("required")).getText()).contains("set by an administrator");
        Browser.screenshot(browser, "console-password-required");

        browser.get(base + "/console/");
        wait.until(ExpectedConditions.urlContains("/console/password.xhtml"));

        change("not my password", OWN_PASSWORD, OWN_PASSWORD);
        waitForText("Your current password is not correct.");
        change(FIRST_PASSWORD, "too short", "too short");
        waitForText("at least 12 characters");
        change(FIRST_PASSWORD, OWN_PASSWORD, OWN_PASSWORD + "!");
        waitForText("The two new passwords are not the same.");
        Browser.screenshot(browser, "console-password-mismatch");

        change(FIRST_PASSWORD, OWN_PASSWORD, OWN_PASSWORD);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Welcome, " + username));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("growl_container"), "Your password is changed."));
        Browser.screenshot(browser, "console-password-changed");

        browser.findElement(By.id("sessionForm:signOut")).click();
        wait.until(ExpectedConditions.urlContains("/console/login.xhtml"));
        signIn(username, OWN_PASSWORD);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Welcome, " + username));
    }

    @Test
    void aNewPartnerChoosesTheirOwnPasswordInThePortalWithANewSessionId() {
        String username = newUser("/api/v1/users/partners", null);

        browser.get(base + "/partner/");
        wait.until(ExpectedConditions.urlContains("/partner/login.xhtml"));
        String before = browser.manage().getCookieNamed("HERALD_PARTNER").getValue();
        signIn(username, FIRST_PASSWORD);
        wait.until(ExpectedConditions.urlContains("/partner/password.xhtml"));
        assertThat(browser.manage().getCookieNamed("HERALD_PARTNER").getValue()).isNotEqualTo(before);
        assertThat(browser.findElement(By.id("required")).getText()).contains("set by your contact");
        Browser.screenshot(browser, "portal-password-required");

        change(FIRST_PASSWORD, "password12345", "password12345");
        waitForText("most common");

        change(FIRST_PASSWORD, OWN_PASSWORD, OWN_PASSWORD);
        wait.until(ExpectedConditions.and(
                ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Your reports"),
                ExpectedConditions.textToBePresentInElementLocated(By.id("sessionForm:signedInAs"), username)));
        assertThat(browser.findElement(By.id("flash")).getText()).contains("Your password is changed.");
        Browser.screenshot(browser, "portal-password-changed");
    }

    private String newUser(String path, String role) {
        String username = "first-" + UUID.randomUUID().toString().substring(0, 8);
        var body = Json.createObjectBuilder()
                .add("username", username)
                .add("displayName", "First Timer")
                .add("email", username + "@example.org")
                .add("password", FIRST_PASSWORD);
        if (role != null) {
            body.add("roles", Json.createArrayBuilder().add(role));
        }
        HttpResponse<String> created = admin.post(path, body.build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return username;
    }

    private void signIn(String username, String password) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:username")));
        browser.findElement(By.id("login:username")).sendKeys(username);
        browser.findElement(By.id("login:password")).sendKeys(password);
        browser.findElement(By.id("login:signIn")).click();
    }

    private void change(String current, String next, String again) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("password:change")));
        type("password:currentPassword", current);
        type("password:newPassword", next);
        type("password:confirmation", again);
        browser.findElement(By.id("password:change")).click();
    }

    private void type(String id, String text) {
        var field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void waitForText(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("password"), text));
    }
}
