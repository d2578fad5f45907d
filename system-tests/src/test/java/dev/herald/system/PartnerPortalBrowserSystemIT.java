package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Api;
import dev.herald.testing.Browser;
import dev.herald.testing.HeraldServer;
import dev.herald.testing.Page;
import dev.herald.testing.Schedules;
import dev.herald.testing.SystemTest;
import dev.herald.testing.TestUsers;
import dev.herald.testing.TestUsers.TestUser;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A partner in the portal, in Chromium: signs in (asking for the portal first, so the login returns
 * them to it), sees the report made available to them with its fixed criteria and the notice that
 * they cannot change them, runs it, follows it to "Ready" without reloading, downloads the CSV
 * (which holds the same rows as the report gives staff, and says until when it is kept), finds a file
 * sent to them by link on the Files tab and downloads it; a wrong password, and the right one after
 * too many failures, get the same plain words.
 */
@SystemTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartnerPortalBrowserSystemIT {

    private static final String REFUSED =
            "The user name or password is not correct, or there were too many failed attempts: wait 15 minutes and try again.";

    private static TestUser partner;
    private static WebDriver browser;
    private static WebDriverWait wait;
    private static Page page;
    private static Path downloads;
    private static String base;

    @RegisterExtension
    static final Browser.ScreenshotOnFailure SCREENSHOT_ON_FAILURE =
            new Browser.ScreenshotOnFailure(() -> PartnerPortalBrowserSystemIT.browser);

    @BeforeAll
    static void makeThePartnerAndTheirReports() throws IOException {
        base = HeraldServer.get().baseUrl();
        partner = TestUsers.create("Collect Reports");
        String email = partner.username() + "@example.org";
        Api admin = Api.admin();
        assertThat(admin.post(
                                "/api/v1/schedules",
                                Schedules.onDemand(
                                        Schedules.uniqueName("Portal on demand"),
                                        Schedules.lastWeekPayments("Box office payments", "CSV", "ATTACHMENT", email),
                                        Schedules.lastWeekPayments(
                                                "Another partner's payments",
                                                "CSV",
                                                "ATTACHMENT",
                                                "another.partner@example.org")))
                        .statusCode())
                .isEqualTo(201);
        long linked = admin.json(admin.post(
                        "/api/v1/schedules",
                        Schedules.onDemand(
                                Schedules.uniqueName("Portal link"),
                                Schedules.lastWeekPayments("Payments sent by link", "CSV", "LINK", email))))
                .getJsonNumber("id")
                .longValue();
        assertThat(admin.post("/api/v1/schedules/" + linked + "/run", "{}").statusCode())
                .isEqualTo(202);

        downloads = Files.createTempDirectory("herald-portal-downloads");
        browser = Browser.open(downloads);
        page = new Page(browser);
        wait = page.waiting();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void afterSigningInThePartnerSeesTheirReportWithItsFixedCriteria() {
        browser.get(base + "/partner/");
        page.signIn(partner.username(), partner.password());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Your reports"));
        String items = page.text("reports:items");
        assertThat(items)
                .contains("Box office payments", "Payments & Activities (detailed)", "Payment date: Last week:");
        assertThat(items).doesNotContain("Another partner's payments");
        assertThat(browser.findElement(By.className("portal-note")).getText()).contains("cannot be changed");
        Browser.screenshot(browser, "portal-reports");
    }

    @Test
    @Order(2)
    void aRunIsFollowedToReadyAndItsFileHoldsTheReportsRows() throws IOException {
        List<WebElement> items = browser.findElements(By.cssSelector("#reports\\:items tbody tr"));
        int row = 0;
        while (!items.get(row).getText().contains("Box office payments")) {
            row++;
        }
        page.click("reports:items:" + row + ":run");
        wait.withTimeout(Duration.ofSeconds(60))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("runs:table"), "Ready"));
        ((JavascriptExecutor) browser).executeScript("document.getElementById('runs').scrollIntoView();");
        Browser.screenshot(browser, "portal-run-ready");
        WebElement link = browser.findElement(By.cssSelector("#runs\\:table a.portal-download"));
        link.click();

        Path file = wait.until(driver -> finished(".csv"));
        List<CSVRecord> rows;
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            rows = CSVFormat.DEFAULT.parse(reader).getRecords();
        }
        String staffCsv = new String(
                Api.admin()
                        .postForFile(
                                "/api/v1/reports/payments-activities-detailed/render",
                                "{\"criteriaSetId\": " + Schedules.lastWeekCriteriaSet() + ", \"format\": \"CSV\"}")
                        .body(),
                StandardCharsets.UTF_8);
        List<CSVRecord> staffRows =
                CSVFormat.DEFAULT.parse(new StringReader(staffCsv)).getRecords();
        assertThat(rows.stream()
                        .map(CSVRecord::toList)
                        .filter(r -> r.size() > 2)
                        .toList())
                .hasSizeGreaterThan(1)
                .isEqualTo(staffRows.stream()
                        .map(CSVRecord::toList)
                        .filter(r -> r.size() > 2)
                        .toList());
        long dataRows = rows.stream().filter(r -> r.size() > 2).count() - 1;
        assertThat(page.text("runs:table")).contains(dataRows + " rows");
        assertThat(page.text("runs:table"))
                .as("how long the file is kept, next to its download")
                .containsPattern("Kept until .+, then deleted");
    }

    @Test
    @Order(3)
    void theFilesTabListsWhatWasSentByLinkAndDownloadsIt() throws IOException {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            page.click("navFiles");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Files sent to you"));
            return page.text("files").contains("Payments sent by link");
        });
        Browser.screenshot(browser, "portal-files");
        try (Stream<Path> before = Files.list(downloads)) {
            before.forEach(f -> f.toFile().delete());
        }
        browser.findElement(By.cssSelector("#files a.portal-download")).click();
        Path file = wait.until(driver -> finished(".csv"));
        assertThat(Files.readString(file)).contains("Paid at");
    }

    @Test
    @Order(4)
    void aWrongPasswordAndABlockedAttemptGetTheSameWords() {
        TestUser blocked = TestUsers.create("Collect Reports");
        browser.manage().deleteAllCookies();
        browser.get(base + "/partner/login.xhtml");
        page.signIn(partner.username(), "not the password");
        page.waitForText("login:messages", REFUSED);
        Browser.screenshot(browser, "portal-wrong-password");

        for (int i = 0; i < 5; i++) {
            WebElement form = browser.findElement(By.id("login"));
            page.signIn(blocked.username(), "wrong " + i);
            page.waitUntilGone(form);
            page.waitForText("login:messages", REFUSED);
        }
        WebElement form = browser.findElement(By.id("login"));
        page.signIn(blocked.username(), blocked.password());
        page.waitUntilGone(form);
        page.waitForText("login:messages", REFUSED);
        assertThat(browser.findElement(By.id("login:messages")).getText())
                .as("nothing tells a blocked account from a wrong password")
                .doesNotContain("locked", "blocked");
        assertThat(browser.getCurrentUrl()).contains("/partner/login.xhtml");
        Browser.screenshot(browser, "portal-blocked");
    }

    private static Path finished(String extension) {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.filter(f -> f.toString().endsWith(extension))
                    .findFirst()
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
