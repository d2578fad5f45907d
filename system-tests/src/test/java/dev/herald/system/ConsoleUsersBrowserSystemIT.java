package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Api;
import dev.herald.testing.Browser;
import dev.herald.testing.HeraldServer;
import dev.herald.testing.Page;
import dev.herald.testing.SystemTest;
import dev.herald.testing.TestUsers;
import dev.herald.testing.TestUsers.TestUser;
import jakarta.json.Json;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Staff add an outside partner in the console, as the seed's shortcut describes: wrong input (an
 * e-mail address another user has, in other capitals, among it) is named on its field, the partner gets Collect Reports only, and at their first sign-in to the portal they
 * choose their own password. A member of staff without Manage Users is refused the page.
 */
@SystemTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleUsersBrowserSystemIT {

    private static final String PARTNER =
            "promoter-" + UUID.randomUUID().toString().substring(0, 6);
    private static final String FIRST_PASSWORD = "Told At The Stage Door";

    private static WebDriver browser;
    private static WebDriverWait wait;
    private static Page page;
    private static String base;

    @RegisterExtension
    static final Browser.ScreenshotOnFailure SCREENSHOT_ON_FAILURE =
            new Browser.ScreenshotOnFailure(() -> ConsoleUsersBrowserSystemIT.browser);

    @BeforeAll
    static void signIn() {
        base = HeraldServer.get().baseUrl();
        browser = Browser.open();
        browser.manage().window().setSize(new Dimension(1366, 768));
        page = new Page(browser);
        wait = page.waiting();
        browser.get(base + "/console/users.xhtml");
        page.signIn("admin", HeraldServer.ADMIN_PASSWORD);
        wait.until(ExpectedConditions.urlContains("/console/users.xhtml"));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void aPartnerWithoutAnEMailOrWithAWeakPasswordIsNotCreated() {
        Browser.screenshot(browser, "console-users");
        page.click("users:addPartner");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("userDialog_title"), "New partner"));
        page.type("userForm:username", PARTNER);
        page.type("userForm:displayName", "Northern Promotions");
        page.type("userForm:password", "short");
        page.click("userForm:save");
        page.waitForText("userForm", "A partner needs an e-mail address");

        page.type("userForm:email", PARTNER + "@promoter.example");
        page.type("userForm:password", "password1234");
        page.click("userForm:save");
        page.waitForText("userForm", "most common");
        Browser.screenshot(browser, "console-users-partner-invalid");

        TestUser other = TestUsers.create("Collect Reports");
        page.type("userForm:email", other.username().toUpperCase() + "@EXAMPLE.ORG");
        page.type("userForm:password", FIRST_PASSWORD);
        page.click("userForm:save");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.xpath("//input[@id='userForm:email']/following-sibling::*[1]"),
                "Another user already has the e-mail address"));
        Browser.screenshot(browser, "console-users-email-taken");
        page.type("userForm:email", PARTNER + "@promoter.example");
    }

    @Test
    @Order(2)
    void aPartnerIsCreatedWithCollectReportsOnly() {
        page.type("userForm:password", FIRST_PASSWORD);
        page.click("userForm:save");
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("growl_container"), PARTNER + " is created"));

        page.search("users:query", PARTNER);
        wait.ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElements(By.cssSelector("#users\\:table tbody tr[data-ri]"))
                                .size()
                        == 1);
        String row = browser.findElement(By.id("users:table")).getText();
        assertThat(row).contains(PARTNER, "Northern Promotions", "Collect Reports", "Must change password");
        assertThat(row).doesNotContain("Administrator");
        Browser.screenshot(browser, "console-users-partner-created");
    }

    @Test
    @Order(3)
    void theAuditLogShowsWhoCreatedThePartnerAndWhatTheAccountLooksLike() {
        page.click("navAudit");
        wait.until(ExpectedConditions.urlContains("/console/audit.xhtml"));
        page.type("audit:action", "user.create.partner");
        browser.findElement(By.id("audit:actor")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit:table"), PARTNER));
        String row = browser.findElement(By.id("audit:table")).getText();
        assertThat(row).contains("admin", "user.create.partner");

        browser.findElement(By.cssSelector("#audit\\:table .ui-row-toggler")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit:table"), "\"Collect Reports\""));
        assertThat(browser.findElement(By.id("audit:table")).getText())
                .contains("\"username\": \"" + PARTNER + "\"")
                .doesNotContain("PBKDF2");
        Browser.screenshot(browser, "console-audit");
    }

    @Test
    @Order(4)
    void atFirstSignInThePartnerChoosesTheirOwnPassword() {
        browser.get(base + "/partner/");
        page.signIn(PARTNER, FIRST_PASSWORD);
        wait.until(ExpectedConditions.urlContains("/partner/password.xhtml"));
    }

    @Test
    @Order(5)
    void staffWithoutManageUsersAreRefusedThePageAndDoNotSeeItsLink() {
        String roleName = "Schedule viewer " + UUID.randomUUID().toString().substring(0, 6);
        Api admin = Api.admin();
        assertThat(admin.post(
                                "/api/v1/roles",
                                Json.createObjectBuilder()
                                        .add("name", roleName)
                                        .add(
                                                "permissions",
                                                Json.createArrayBuilder().add("VIEW_SCHEDULES"))
                                        .build())
                        .statusCode())
                .isEqualTo(201);
        TestUser viewer = TestUsers.create(roleName);
        browser.manage().deleteAllCookies();
        browser.get(base + "/console/");
        page.signIn(viewer.username(), viewer.password());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Welcome"));
        assertThat(browser.findElements(By.id("navUsers"))).isEmpty();
        assertThat(browser.findElements(By.id("navSchedules"))).hasSize(1);

        browser.get(base + "/console/users.xhtml");

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Not allowed"));
        assertThat(browser.getPageSource()).doesNotContain(PARTNER);
    }
}
