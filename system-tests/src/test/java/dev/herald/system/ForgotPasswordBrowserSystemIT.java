package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.access.boundary.Authentication;
import dev.herald.testing.Api;
import dev.herald.testing.Browser;
import dev.herald.testing.ElementBoxes;
import dev.herald.testing.HeraldServer;
import dev.herald.testing.Mailbox;
import dev.herald.testing.Mails;
import dev.herald.testing.Page;
import dev.herald.testing.PortalSession;
import dev.herald.testing.Schedules;
import dev.herald.testing.SystemTest;
import jakarta.json.Json;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A partner who forgot their password asks for a link on the portal, reads it in their mail
 * (GreenMail), chooses a new password and signs in with it; the link then works no more, an expired
 * or replaced one neither, and their other sessions have ended. Whoever asks hears the same words,
 * and nobody who may not have a link (nobody, a disabled account, staff, too many requests) gets
 * mail. The test server's links work for 40 seconds (HERALD_PASSWORD_RESET_LIFETIME).
 */
@SystemTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ForgotPasswordBrowserSystemIT {

    private static final String PASSWORD = "Forgotten Somewhere Backstage";
    private static final String NEW_PASSWORD = "Remembered In The Green Room";
    private static final Pattern LINK =
            Pattern.compile("https?://[^\\s\"<>]+/partner/reset\\.xhtml\\?link=pwr_[A-Za-z0-9_-]{43}");
    private static final Duration MAIL_WAIT = Duration.ofSeconds(30);

    private static final java.util.Map<String, Long> IDS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Api admin;
    private static String base;
    private static WebDriver browser;
    private static Page page;
    private static String sameAnswer;

    @RegisterExtension
    static final Browser.ScreenshotOnFailure SCREENSHOT_ON_FAILURE =
            new Browser.ScreenshotOnFailure(() -> ForgotPasswordBrowserSystemIT.browser);

    @BeforeAll
    static void openBrowser() {
        admin = Api.admin().withToken();
        base = HeraldServer.get().baseUrl();
        browser = Browser.open();
        page = new Page(browser);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void aPartnerChoosesANewPasswordThroughTheMailedLinkThatThenWorksNoMore() throws Exception {
        // A link asked for now, left unused: it has expired by the end of this test.
        String late = newPartner("late");
        askFor(late);
        Instant lateAskedAt = Instant.now();
        String lateLink = linkIn(awaitMails(email(late), 1).get(0));
        browser.get(lateLink);
        page.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("reset:save")));

        String partner = newPartner("forgot");
        PortalSession otherSession = PortalSession.signIn(partner, PASSWORD);

        browser.get(base + "/partner/login.xhtml");
        page.click("login:forgot");
        page.waiting().until(ExpectedConditions.urlContains("/partner/forgot.xhtml"));
        checkLayout("portal-forgot");
        page.type("forgot:name", email(partner).toUpperCase(Locale.ROOT));
        page.click("forgot:send");
        page.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("sent")));
        assertSameAnswer();
        checkLayout("portal-forgot-sent");

        MimeMessage mail = awaitMails(email(partner), 1).get(0);
        String text = Mails.text(mail);
        assertThat(mail.getSubject()).startsWith("Choose a new password for ");
        assertThat(text).contains(partner).contains("works once").doesNotContain(PASSWORD);
        String link = linkIn(mail);
        assertThat(link).startsWith(base + "/partner/reset.xhtml?link=");

        browser.get(link);
        page.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("reset:save")));
        assertThat(page.text("account")).isEqualTo(partner);
        checkLayout("portal-reset");
        choose("password12345", "password12345");
        page.waitForText("reset", "most common");
        choose(NEW_PASSWORD, NEW_PASSWORD + "!");
        page.waitForText("reset", "The two new passwords are not the same.");
        checkLayout("portal-reset-refused-password");
        choose(NEW_PASSWORD, NEW_PASSWORD);

        page.waiting().until(ExpectedConditions.urlContains("/partner/login.xhtml?reset=true"));
        assertThat(page.text("reset")).isEqualTo("Your new password is set. Sign in with it.");
        page.signIn(email(partner), NEW_PASSWORD);
        page.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Your reports"));

        // The session that was signed in elsewhere with the old password has ended.
        HttpResponse<String> before = otherSession.get("/partner/");
        assertThat(before.statusCode()).isEqualTo(302);
        assertThat(before.headers().firstValue("Location").orElse("")).contains("/partner/login.xhtml?ended=true");

        // The link works once.
        browser.get(link);
        page.waitForText("refused", "This link has already been used");
        assertThat(browser.findElement(By.id("askAgain")).getAttribute("href")).endsWith("/partner/forgot.xhtml");
        assertThat(browser.findElements(By.id("reset:save"))).isEmpty();
        checkLayout("portal-reset-used");

        // The link asked for first has expired meanwhile.
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    browser.get(lateLink);
                    return !browser.findElements(By.id("refused")).isEmpty();
                });
        assertThat(Duration.between(lateAskedAt, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(39));
        assertThat(page.text("refused")).contains("This link has expired");
        checkLayout("portal-reset-expired");
        page.click("askAgain");
        page.waiting().until(ExpectedConditions.urlContains("/partner/forgot.xhtml"));

        assertThat(audit("user.password.reset&actor=" + partner))
                .contains("user.password.reset.request")
                .contains("chose a new password with new-password link");
    }

    @Test
    @Order(2)
    void aNewerLinkEndsTheOlderAndAFourthWithinTheHourIsNotSent() throws Exception {
        String partner = newPartner("often");
        for (int i = 0; i < 4; i++) {
            askFor(partner);
            assertSameAnswer();
        }

        List<MimeMessage> mails = awaitMails(email(partner), 3);
        assertThat(mails).hasSize(3);
        assertThat(noticesTo(email(partner))).isEqualTo(3);
        assertThat(audit("user.password.reset.refused&actor=" + partner))
                .contains("3 links were sent to this account within 60 minutes");

        browser.get(linkIn(mails.get(0)));
        page.waitForText("refused", "This link no longer works: a newer link was sent");
        browser.get(linkIn(mails.get(2)));
        page.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("reset:save")));
    }

    @Test
    @Order(3)
    void nobodyWhoMayNotHaveALinkGetsMailAndEveryoneHearsTheSame() throws Exception {
        String nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@venue.example";
        String disabled = newPartner("disabled");
        HttpResponse<String> disabling = admin.post("/api/v1/users/" + idOf(disabled) + "/disable", "{}");
        assertThat(disabling.statusCode()).as(disabling.body()).isBetween(200, 204);
        String staff = newUser("/api/v1/users", "staff", "Administrator");

        for (String name : List.of(nobody, email(disabled), staff)) {
            askFor(name);
            assertSameAnswer();
        }

        assertThat(noticesTo(nobody)).isZero();
        assertThat(noticesTo(email(disabled))).isZero();
        assertThat(noticesTo(email(staff))).isZero();
        assertThat(audit("user.password.reset.refused&actor=" + nobody)).contains("no account has this user name");
        assertThat(audit("user.password.reset.refused&actor=" + disabled)).contains("the account is disabled");
        assertThat(audit("user.password.reset.refused&actor=" + staff)).contains("administrators set staff passwords");
    }

    @Test
    @Order(4)
    void oneClientAskingTooOftenGetsNoMoreMailAndTheSameAnswer() throws Exception {
        browser.manage().deleteAllCookies();
        // Ten requests from this address (whatever was asked before) make the next one too many.
        for (int i = 0; i < 10; i++) {
            askFor("stranger-" + i + "-" + UUID.randomUUID().toString().substring(0, 8) + "@venue.example");
        }
        String partner = newPartner("flooded");
        askFor(partner);

        assertSameAnswer();
        assertThat(noticesTo(email(partner))).isZero();
        assertThat(audit("user.password.reset.refused&actor=" + partner))
                .contains("requests came from this client address within 15 minutes");
        // Signing in is another door: it still works. The partner's pages, with a report to run and a
        // file sent by link, fit a phone.
        HttpResponse<String> onDemand = admin.post(
                "/api/v1/schedules",
                Schedules.onDemand(
                        Schedules.uniqueName("Phone on demand"),
                        Schedules.lastWeekPayments("Box office payments", "CSV", "ATTACHMENT", email(partner))));
        assertThat(onDemand.statusCode()).as(onDemand.body()).isEqualTo(201);
        long linked = admin.json(admin.post(
                        "/api/v1/schedules",
                        Schedules.onDemand(
                                Schedules.uniqueName("Phone link"),
                                Schedules.lastWeekPayments("Payments sent by link", "CSV", "LINK", email(partner)))))
                .getJsonNumber("id")
                .longValue();
        assertThat(admin.post("/api/v1/schedules/" + linked + "/run", "{}").statusCode())
                .isEqualTo(202);
        browser.get(base + "/partner/login.xhtml");
        page.signIn(partner, PASSWORD);
        page.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Your reports"));
        assertThat(browser.getPageSource()).doesNotContain(Authentication.REFUSED);
        page.click("reports:items:0:run");
        page.waiting()
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#runs\\:table a.portal-download")));
        checkLayout("portal-index");
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    browser.get(base + "/partner/files.xhtml");
                    return page.text("files").contains("Payments sent by link");
                });
        checkLayout("portal-files");
        browser.get(base + "/partner/password.xhtml");
        checkLayout("portal-password");
    }

    private static void askFor(String name) {
        browser.get(base + "/partner/forgot.xhtml");
        page.type("forgot:name", name);
        page.click("forgot:send");
        page.waiting().until(ExpectedConditions.urlContains("sent=true"));
    }

    /** Every request is answered with the same words: those of the first one, which say the 40 seconds. */
    private static void assertSameAnswer() {
        String answer = page.text("sent");
        assertThat(answer)
                .startsWith("If an account matches what you typed, we have sent a link")
                .contains("within 40 seconds");
        if (sameAnswer == null) {
            sameAnswer = answer;
        }
        assertThat(answer).isEqualTo(sameAnswer);
    }

    private static void choose(String password, String again) {
        page.type("reset:newPassword", password);
        page.type("reset:confirmation", again);
        page.click("reset:save");
    }

    /** The page measured and photographed at a laptop's size and at a phone's, then left at the laptop's. */
    private static void checkLayout(String name) {
        for (Dimension size : List.of(ElementBoxes.PHONE, ElementBoxes.DESKTOP)) {
            ElementBoxes.resize(browser, size);
            assertThat(ElementBoxes.problems(browser)).as(name + " at " + size).isEmpty();
            Browser.screenshot(browser, name + "-" + size.getWidth() + "x" + size.getHeight());
        }
    }

    private static List<MimeMessage> awaitMails(String address, int count) throws Exception {
        Awaitility.await()
                .atMost(MAIL_WAIT)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> Mailbox.messagesTo(address).size() >= count);
        return Mailbox.messagesTo(address);
    }

    private static String linkIn(MimeMessage mail) throws Exception {
        Matcher link = LINK.matcher(Mails.text(mail));
        assertThat(link.find()).as("a new-password link in the mail").isTrue();
        return link.group();
    }

    private static long noticesTo(String address) throws Exception {
        try (Connection c = HeraldServer.get().database().getConnection();
                PreparedStatement query =
                        c.prepareStatement("SELECT COUNT(*) FROM notice WHERE LOWER(recipient) = LOWER(?)")) {
            query.setString(1, address);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static String audit(String query) {
        HttpResponse<String> response = admin.get("/api/v1/audit?action=" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static long idOf(String username) {
        return IDS.get(username);
    }

    private static String email(String username) {
        return username + "@Venue.example";
    }

    private static String newPartner(String prefix) {
        return newUser("/api/v1/users/partners", prefix, null);
    }

    private static String newUser(String path, String prefix, String role) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        var body = Json.createObjectBuilder()
                .add("username", username)
                .add("displayName", "Forgets Things")
                .add("email", email(username))
                .add("password", PASSWORD)
                .add("mustChangePassword", false);
        if (role != null) {
            body.add("roles", Json.createArrayBuilder().add(role));
        }
        HttpResponse<String> created = admin.post(path, body.build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        IDS.put(username, admin.json(created).getJsonNumber("id").longValue());
        return username;
    }
}
