package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Browser;
import dev.herald.testing.HeraldServer;
import dev.herald.testing.SystemTest;
import dev.herald.testing.TestUsers;
import dev.herald.testing.TestUsers.TestUser;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console and the partner portal, each with its own login page and session, in one real
 * browser: signing in to one does not sign you in to the other, and each refuses the other's users.
 * The steps build on each other, as one person's visit would.
 */
@SystemTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInBrowserSystemIT {

    private static WebDriver browser;

    @RegisterExtension
    static final Browser.ScreenshotOnFailure SCREENSHOT_ON_FAILURE =
            new Browser.ScreenshotOnFailure(() -> SignInBrowserSystemIT.browser);

    private static WebDriverWait wait;
    private static TestUser partner;
    private static TestUser staff;
    private static String base;

    @BeforeAll
    static void openBrowser() {
        base = HeraldServer.get().baseUrl();
        partner = TestUsers.create("Collect Reports");
        staff = TestUsers.create("Administrator");
        browser = Browser.open();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void theConsoleSendsAStrangerToItsLoginPage() {
        browser.get(base + "/");

        wait.until(ExpectedConditions.urlContains("/console/login.xhtml"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in to the console");
        Browser.screenshot(browser, "console-login");
    }

    @Test
    @Order(2)
    void aWrongPasswordGetsAPlainMessage() {
        signIn("login", "admin", "not the password");

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login:messages"), "not correct"));
        assertThat(browser.getPageSource()).doesNotContain("Exception", "at dev.herald", "Payara");
        Browser.screenshot(browser, "console-login-refused");
    }

    @Test
    @Order(3)
    void aPartnerCannotUseTheConsole() {
        signIn("login", partner.username(), partner.password());

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login:messages"), "partner portal"));
        assertThat(browser.getCurrentUrl()).contains("/console/login.xhtml");
    }

    @Test
    @Order(4)
    void theAdministratorSignsInToTheConsoleWithANewSessionId() {
        String before = browser.manage().getCookieNamed("HERALD_CONSOLE").getValue();

        signIn("login", "admin", HeraldServer.ADMIN_PASSWORD);

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Welcome, admin"));
        assertThat(browser.getCurrentUrl()).contains("/console/").doesNotContain("login");
        assertThat(browser.findElement(By.id("health")).getText())
                .as("statuses in words")
                .contains("database", "Up");
        assertThat(browser.manage().getCookieNamed("HERALD_CONSOLE").getValue()).isNotEqualTo(before);
        assertThat(browser.manage().getCookieNamed("HERALD_CONSOLE").isHttpOnly())
                .isTrue();
        Browser.screenshot(browser, "console-home");
    }

    @Test
    @Order(5)
    void theConsoleSessionDoesNotOpenThePortal() {
        browser.get(base + "/partner/");

        wait.until(ExpectedConditions.urlContains("/partner/login.xhtml"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in to collect your reports");
        Browser.screenshot(browser, "portal-login");
    }

    @Test
    @Order(6)
    void staffWithoutCollectReportsCannotUseThePortal() {
        signIn("login", staff.username(), staff.password());

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login:messages"), "Collect Reports"));
        assertThat(browser.getCurrentUrl()).contains("/partner/login.xhtml");
    }

    @Test
    @Order(7)
    void thePartnerSignsInToThePortalWhileTheConsoleStaysSignedIn() {
        signIn("login", partner.username(), partner.password());

        wait.until(ExpectedConditions.and(
                ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Your reports"),
                ExpectedConditions.textToBePresentInElementLocated(
                        By.id("sessionForm:signedInAs"), partner.username())));
        Browser.screenshot(browser, "portal-home");

        browser.get(base + "/console/");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Welcome, admin"));
        assertThat(browser.findElement(By.id("sessionForm:signedInAs")).getText())
                .isEqualTo("admin");
    }

    @Test
    @Order(8)
    void signingOutOfThePortalLeavesTheConsoleSignedIn() {
        browser.get(base + "/partner/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sessionForm:signOut")))
                .click();
        wait.until(ExpectedConditions.urlContains("/partner/login.xhtml"));
        assertThat(browser.getPageSource()).contains("You are signed out.");

        browser.get(base + "/console/");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Welcome, admin"));

        browser.get(base + "/partner/");
        wait.until(ExpectedConditions.urlContains("/partner/login.xhtml"));
    }

    @Test
    @Order(9)
    void theAdministratorSignsInToThePortalToo() {
        signIn("login", "admin", HeraldServer.ADMIN_PASSWORD);

        wait.until(ExpectedConditions.and(
                ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Your reports"),
                ExpectedConditions.textToBePresentInElementLocated(By.id("sessionForm:signedInAs"), "admin")));
        Browser.screenshot(browser, "portal-home-admin");
    }

    @Test
    @Order(10)
    void signingOutOfTheConsoleEndsOnlyTheConsoleSession() {
        browser.get(base + "/console/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sessionForm:signOut")))
                .click();
        wait.until(ExpectedConditions.urlContains("/console/login.xhtml"));

        browser.get(base + "/console/");
        wait.until(ExpectedConditions.urlContains("/console/login.xhtml"));
        assertThat(browser.getCurrentUrl()).contains("continue=");

        browser.get(base + "/partner/");
        wait.until(ExpectedConditions.and(
                ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Your reports"),
                ExpectedConditions.textToBePresentInElementLocated(By.id("sessionForm:signedInAs"), "admin")));
    }

    private static void signIn(String form, String username, String password) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(form + ":username")));
        browser.findElement(By.id(form + ":username")).clear();
        browser.findElement(By.id(form + ":username")).sendKeys(username);
        browser.findElement(By.id(form + ":password")).clear();
        browser.findElement(By.id(form + ":password")).sendKeys(password);
        browser.findElement(By.id(form + ":signIn")).click();
    }
}
