package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Api;
import dev.herald.testing.Browser;
import dev.herald.testing.HeraldServer;
import dev.herald.testing.SystemTest;
import dev.herald.testing.TestUsers;
import dev.herald.testing.TestUsers.TestUser;
import jakarta.json.Json;
import java.time.Duration;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Staff add an outside partner in the console, as the seed's shortcut describes: wrong input is named
 * on its field, the partner gets Collect Reports only, and at their first sign-in to the portal they
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
    private static String base;

    @RegisterExtension
    static final Browser.ScreenshotOnFailure SCREENSHOT_ON_FAILURE =
            new Browser.ScreenshotOnFailure(() -> ConsoleUsersBrowserSystemIT.browser);

    @BeforeAll
    static void signIn() {
        base = HeraldServer.get().baseUrl();
        browser = Browser.open();
        browser.manage().window().setSize(new Dimension(1366, 768));
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(base + "/console/users.xhtml");
        type("login:username", "admin");
        type("login:password", HeraldServer.ADMIN_PASSWORD);
        click("login:signIn");
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
        click("users:addPartner");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("userDialog_title"), "New partner"));
        type("userForm:username", PARTNER);
        type("userForm:displayName", "Northern Promotions");
        type("userForm:password", "short");
        click("userForm:save");
        waitForText("userForm", "A partner needs an e-mail address");

        type("userForm:email", PARTNER + "@promoter.example");
        type("userForm:password", "password1234");
        click("userForm:save");
        waitForText("userForm", "most common");
        Browser.screenshot(browser, "console-users-partner-invalid");
    }

    @Test
    @Order(2)
    void aPartnerIsCreatedWithCollectReportsOnly() {
        type("userForm:password", FIRST_PASSWORD);
        click("userForm:save");
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("growl_container"), PARTNER + " is created"));

        type("users:query", PARTNER);
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
    void atFirstSignInThePartnerChoosesTheirOwnPassword() {
        browser.get(base + "/partner/");
        type("login:username", PARTNER);
        type("login:password", FIRST_PASSWORD);
        click("login:signIn");
        wait.until(ExpectedConditions.urlContains("/partner/password.xhtml"));
    }

    @Test
    @Order(4)
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
        type("login:username", viewer.username());
        type("login:password", viewer.password());
        click("login:signIn");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Welcome"));
        assertThat(browser.findElements(By.id("navUsers"))).isEmpty();
        assertThat(browser.findElements(By.id("navSchedules"))).hasSize(1);

        browser.get(base + "/console/users.xhtml");

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Not allowed"));
        assertThat(browser.getPageSource()).doesNotContain(PARTNER);
    }

    private static void click(String id) {
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            WebElement element =
                    ExpectedConditions.elementToBeClickable(By.id(id)).apply(driver);
            if (element == null) {
                return false;
            }
            element.click();
            return true;
        });
    }

    private static void type(String id, String text) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        field.clear();
        field.sendKeys(text);
    }

    private static void waitForText(String id, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    }
}
