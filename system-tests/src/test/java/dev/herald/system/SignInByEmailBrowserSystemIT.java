package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.access.boundary.Authentication;
import dev.herald.testing.Api;
import dev.herald.testing.Browser;
import dev.herald.testing.ElementBoxes;
import dev.herald.testing.HeraldServer;
import dev.herald.testing.Page;
import dev.herald.testing.SystemTest;
import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * People sign in with the e-mail address their e-mails were sent to, in the portal and in the
 * console (both ask the same identity code), in any case; an address that is one account's user
 * name and another account's address signs in to neither, with the same words as any refusal. The
 * portal's login names the organisation and fits a phone.
 */
@SystemTest
class SignInByEmailBrowserSystemIT {

    private static final String PASSWORD = "Curtain Call At Seven";

    private static Api admin;
    private static String base;
    private WebDriver browser;
    private Page page;

    @RegisterExtension
    final Browser.ScreenshotOnFailure screenshotOnFailure = new Browser.ScreenshotOnFailure(() -> browser);

    @BeforeAll
    static void connect() {
        admin = Api.admin().withToken();
        base = HeraldServer.get().baseUrl();
    }

    @BeforeEach
    void openBrowser() {
        browser = Browser.open();
        page = new Page(browser);
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void theLoginNamesTheOrganisationAndFitsALaptopAndAPhone() {
        String organisation = admin.json(admin.get("/api/v1/settings")).getString("clientName");

        browser.get(base + "/partner/");
        page.waiting().until(ExpectedConditions.urlContains("/partner/login.xhtml"));

        assertThat(page.text("organisation")).isEqualTo(organisation);
        assertThat(browser.getTitle()).contains(organisation);
        assertThat(browser.findElement(By.cssSelector("label[for='login:username']"))
                        .getText())
                .startsWith("User name or e-mail address");
        assertThat(browser.findElement(By.id("login:forgot")).getText()).isEqualTo("Forgot password?");
        for (var size : new org.openqa.selenium.Dimension[] {ElementBoxes.DESKTOP, ElementBoxes.PHONE}) {
            ElementBoxes.resize(browser, size);
            assertThat(ElementBoxes.problems(browser)).as("login at " + size).isEmpty();
            Browser.screenshot(browser, "portal-login-" + size.getWidth() + "x" + size.getHeight());
        }
    }

    @Test
    void aPartnerSignsInToThePortalWithTheirAddressInAnyCase() {
        String username = newUser("/api/v1/users/partners", "partner", null);
        String email = username + "@Venue.example";

        browser.get(base + "/partner/");
        page.waiting().until(ExpectedConditions.urlContains("/partner/login.xhtml"));
        page.signIn(email.toUpperCase(java.util.Locale.ROOT), PASSWORD);

        page.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Your reports"));
        assertThat(page.text("sessionForm:signedInAs")).isEqualTo(username);
        Browser.screenshot(browser, "portal-signed-in-by-email");
    }

    @Test
    void staffSignInToTheConsoleWithTheirAddress() {
        String username = newUser("/api/v1/users", "staff", "Administrator");

        browser.get(base + "/console/");
        page.waiting().until(ExpectedConditions.urlContains("/console/login.xhtml"));
        assertThat(browser.findElement(By.cssSelector("label[for='login:username']"))
                        .getText())
                .startsWith("User name or e-mail address");
        page.signIn(username + "@venue.example", PASSWORD);

        page.waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Welcome, " + username));
    }

    @Test
    void anAddressThatIsAnotherAccountsUserNameSignsInToNeither() {
        String owner = newUser("/api/v1/users/partners", "owner", null);
        String address = owner + "@venue.example";
        // Another partner whose user name is that address, with an address of its own.
        HttpResponse<String> created = admin.post(
                "/api/v1/users/partners",
                Json.createObjectBuilder()
                        .add("username", address)
                        .add("displayName", "Named like an address")
                        .add("email", "other-" + owner + "@venue.example")
                        .add("password", PASSWORD)
                        .add("mustChangePassword", false)
                        .build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        browser.get(base + "/partner/login.xhtml");
        page.signIn(address, PASSWORD);
        page.waitForText("login:messages", Authentication.REFUSED);
        Browser.screenshot(browser, "portal-login-ambiguous-refused");

        // The same words as for a name nobody has.
        browser.get(base + "/partner/login.xhtml");
        page.signIn("nobody-" + owner + "@venue.example", PASSWORD);
        page.waitForText("login:messages", Authentication.REFUSED);

        // The first account still signs in by its user name, which is nobody else's.
        browser.get(base + "/partner/login.xhtml");
        page.signIn(owner, PASSWORD);
        page.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Your reports"));

        String audit =
                admin.get("/api/v1/audit?action=login.failed&actor=" + address).body();
        assertThat(audit).contains("user name and another account's e-mail address");
    }

    private String newUser(String path, String prefix, String role) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        var body = Json.createObjectBuilder()
                .add("username", username)
                .add("displayName", "Signs In By Address")
                .add("email", username + "@Venue.example")
                .add("password", PASSWORD)
                // Not asked to choose their own password first: this test is about signing in.
                .add("mustChangePassword", false);
        if (role != null) {
            body.add("roles", Json.createArrayBuilder().add(role));
        }
        HttpResponse<String> created = admin.post(path, body.build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return username;
    }
}
